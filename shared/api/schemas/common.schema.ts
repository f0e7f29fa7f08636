import * as z from 'zod/mini';

/** A text in both languages of the product: German first, English too. */
export const LocalizedText = z.object({
  de: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Money is integer euro cents everywhere; there are no floats in amounts. */
export const Cents = z.int().check(z.gte(0), z.lte(100_000_000_000));

/** Rates and shares are integer basis points: 10 % is 1000, 100 % is 10000. */
export const BasisPoints = z.int().check(z.gte(0), z.lte(10_000));

export const Uuid = z.uuid();

/** Timestamps carry their offset, e.g. 2026-07-31T23:59:59+02:00 (Europe/Berlin). */
export const Timestamp = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();

/** A single-line text: trimmed length limits, no control characters. */
export const Line = (min: number, max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    z.regex(/^[^\p{Cc}]*$/u, {
      error: 'Steuerzeichen sind nicht erlaubt / control characters are not allowed',
    }),
  );
