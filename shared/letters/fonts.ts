import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The TrueType files letters are set in: DejaVu Sans covers Latin, Greek, Cyrillic, Arabic and Hebrew. */
export const LETTER_FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export interface LetterFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/**
 * Where the font files are. The Lambda bundle has them in `fonts/` beside its index.mjs: the function's
 * bundling copies them there and defines LETTER_FONTS_DIR as that folder, which esbuild replaces by a
 * constant (see infra/constructs/letter-bundling.ts). Run natively (tests, the local stack) the variable
 * is unset and the files come straight from the dejavu-fonts-ttf package.
 */
function fontUrl(file: string): URL {
  // Read twice rather than kept in a variable: that way esbuild folds the constant and drops the rest.
  if (process.env.LETTER_FONTS_DIR) return new URL(`${process.env.LETTER_FONTS_DIR}${file}`, import.meta.url);
  // require.resolve rather than import.meta.resolve: test runners that load modules themselves (vitest)
  // do not all provide the latter.
  return pathToFileURL(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`));
}

let loaded: Promise<LetterFonts> | undefined;

/** Reads the fonts once per process (a Lambda container renders many letters with the same bytes). */
export function loadLetterFonts(): Promise<LetterFonts> {
  loaded ??= (async () => {
    const [regular, bold] = await Promise.all([
      readFile(fontUrl(LETTER_FONT_FILES.regular)),
      readFile(fontUrl(LETTER_FONT_FILES.bold)),
    ]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })();
  loaded.catch(() => {
    loaded = undefined; // a failed read is tried again by the next call, not cached
  });
  return loaded;
}
