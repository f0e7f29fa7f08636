import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LETTER_FONT_FILES } from '../../shared/letters/fonts.ts';

/** Folder of the fonts inside the function's bundle, relative to its index.mjs. */
const FONTS_DIR = './fonts/';

/**
 * Bundling of a function that renders letters: the TTF files it embeds are copied from the
 * dejavu-fonts-ttf package into `fonts/` beside the bundle, and LETTER_FONTS_DIR is defined as that
 * folder, so shared/letters/fonts.ts reads them from there on Lambda (natively it reads the package).
 * The fonts stay files (~1.4 MB) instead of being inlined into the JavaScript, which keeps the code
 * that Lambda parses at a cold start to pdf-lib and fontkit.
 */
export function letterFontsBundling(): Pick<BundlingOptions, 'define' | 'commandHooks'> {
  return {
    define: { 'process.env.LETTER_FONTS_DIR': JSON.stringify(FONTS_DIR) },
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir: string, outputDir: string) => [
        `mkdir -p "${outputDir}/fonts"`,
        ...Object.values(LETTER_FONT_FILES).map(
          (file) => `cp "${inputDir}/node_modules/dejavu-fonts-ttf/ttf/${file}" "${outputDir}/fonts/${file}"`,
        ),
      ],
    },
  };
}
