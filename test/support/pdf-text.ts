import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  type PDFRef,
  PDFStream,
} from 'pdf-lib';

/**
 * The text a PDF viewer would find (search, copy) in a PDF that pdf-lib wrote with embedded fonts:
 * for every page, the strings of its text-showing operators, mapped to Unicode through each font's
 * ToUnicode CMap — the table viewers use for exactly this. One string per text operator, in drawing
 * order (right-to-left runs are drawn, and so read here, in visual order); `text` joins them with line
 * breaks. `missingGlyphs` counts characters drawn with glyph 0 (.notdef), which viewers show as boxes.
 *
 * Deliberately small: it reads what pdf-lib writes (hex strings with Tj, Identity-H fonts, bfchar
 * maps), not every PDF there is. A string it finds is really in the PDF's text layer.
 */
export async function pdfText(
  bytes: Uint8Array,
): Promise<{ pages: string[][]; text: string; missingGlyphs: number }> {
  let missingGlyphs = 0;
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPages().map((page) => {
    const resources = page.node.Resources();
    const fontDict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const maps = new Map<string, Map<string, string>>();
    for (const [name, ref] of fontDict?.entries() ?? []) {
      const font = doc.context.lookup(ref as PDFRef, PDFDict);
      const toUnicode = font.lookupMaybe(PDFName.of('ToUnicode'), PDFStream);
      maps.set(name.asString(), toUnicode ? parseBfChars(streamText(toUnicode)) : new Map());
    }
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray
        ? contents.asArray().map((ref) => doc.context.lookup(ref, PDFStream))
        : contents
          ? [contents]
          : [];
    const strings: string[] = [];
    let current = new Map<string, string>();
    for (const stream of streams) {
      const content = streamText(stream);
      // Font selections (/F-123 10 Tf) and hex strings shown with Tj, in order.
      for (const match of content.matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
        if (match[1]) {
          current = maps.get(match[1]) ?? new Map();
        } else if (match[2] !== undefined) {
          const hex = match[2];
          let text = '';
          for (let i = 0; i < hex.length; i += 4) {
            const code = hex.slice(i, i + 4).toUpperCase();
            // Glyph 0 is .notdef: the font has no letter for the character, a viewer shows a box.
            if (code === '0000') missingGlyphs++;
            text += current.get(code) ?? '\uFFFD';
          }
          strings.push(text);
        }
      }
    }
    return strings;
  });
  return { pages, text: pages.map((strings) => strings.join('\n')).join('\n'), missingGlyphs };
}

function streamText(stream: PDFStream): string {
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return Buffer.from(bytes).toString('latin1');
}

/** `<0001> <0041>` pairs of a ToUnicode CMap: glyph code → UTF-16BE text. */
function parseBfChars(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const units: number[] = [];
      for (let i = 0; i < (pair[2] ?? '').length; i += 4)
        units.push(Number.parseInt((pair[2] ?? '').slice(i, i + 4), 16));
      map.set((pair[1] ?? '').toUpperCase(), String.fromCharCode(...units));
    }
  }
  return map;
}
