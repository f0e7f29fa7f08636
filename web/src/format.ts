import type { Language } from './i18n/messages.ts';

/**
 * Dates, times and amounts as people in the chosen language write them. Times are always shown in
 * Europe/Berlin, where the funding body's deadlines are set, wherever the browser is. English uses the
 * British conventions (day month year, 24-hour clock), which read naturally next to German dates.
 */
const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
const BERLIN = 'Europe/Berlin';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format as T;
}

/** An instant (ISO timestamp) as a Berlin date and time: "31. März 2027, 23:59 Uhr" / "31 March 2027 at 23:59". */
export function formatDateTime(iso: string, language: Language): string {
  const format = cached(
    `dt-${language}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[language], {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: BERLIN,
      }),
  );
  const text = format.format(new Date(iso));
  return language === 'de' ? `${text} Uhr` : text;
}

/** An instant as its Berlin time of day: "14:03" (both languages use the 24-hour clock). */
export function formatTime(iso: string, language: Language): string {
  const format = cached(
    `t-${language}`,
    () => new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'short', timeZone: BERLIN }),
  );
  return format.format(new Date(iso));
}

/** An instant as its Berlin calendar date: "31. März 2027" / "31 March 2027". */
export function formatInstantDate(iso: string, language: Language): string {
  const format = cached(
    `d-${language}`,
    () => new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: BERLIN }),
  );
  return format.format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no time zone) as written: "1. Januar 2027" / "1 January 2027". */
export function formatDate(isoDate: string, language: Language): string {
  // Read and written in UTC, so the day never shifts with the browser's zone.
  const format = cached(
    `cd-${language}`,
    () => new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }),
  );
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Integer euro cents as an amount: "140.000,00 €" / "€140,000.00". */
export function formatEuro(cents: number, language: Language): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an amount in cents: ${cents}`);
  const format = cached(
    `eur-${language}`,
    () => new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' }),
  );
  // Exact for any safe integer of cents: the division only moves the decimal point for display.
  return format.format(cents / 100);
}

/** Basis points as a percentage without needless decimals: "5,25 %" / "5.25%". */
export function formatPercent(bps: number, language: Language): string {
  const format = cached(
    `pct-${language}`,
    () => new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 2 }),
  );
  return format.format(bps / 10_000);
}

/** A file size as people read it: "850 Byte", "12,5 kB", "3,2 MB" (MB = 1024 × 1024 bytes, as the server says). */
export function formatFileSize(bytes: number, language: Language): string {
  const locale = LOCALES[language];
  if (bytes < 1024)
    return `${new Intl.NumberFormat(locale).format(bytes)} ${language === 'de' ? 'Byte' : 'bytes'}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kB'] : [bytes / 1024 / 1024, 'MB'];
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}
