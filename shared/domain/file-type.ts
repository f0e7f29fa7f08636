import type { DocumentContentType } from '../api/schemas/document.schema.ts';

/**
 * What the first bytes of a file say it is. The three accepted types, and the kinds of file that are
 * most often passed off under a harmless name (programs, archives, web pages, scripts), so that the
 * applicant can be told what went wrong instead of only "wrong type".
 */
export type FileKind =
  | DocumentContentType
  | 'executable'
  | 'archive'
  | 'office'
  | 'markup'
  | 'script'
  | 'unknown';

/** How many bytes from the start of an object the check reads (one ranged GET). */
export const SNIFF_BYTES = 64;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const PDF = ascii('%PDF-');
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const EXECUTABLES = [
  ascii('MZ'), // Windows/DOS programs and DLLs (PE)
  [0x7f, 0x45, 0x4c, 0x46], // ELF (Linux)
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O 32-bit (macOS)
  [0xfe, 0xed, 0xfa, 0xcf], // Mach-O 64-bit
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32-bit, little-endian
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64-bit, little-endian
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal binary, and Java classes
];
const ARCHIVES = [
  ascii('PK\x03\x04'), // zip, and everything built on it (docx, xlsx, odt, jar, apk)
  ascii('PK\x05\x06'), // empty zip
  ascii('PK\x07\x08'), // spanned zip
  ascii('Rar!\x1a\x07'),
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x1f, 0x8b], // gzip
];
/** Old Word/Excel files (OLE compound documents): often sent instead of a PDF, by mistake. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const isWhitespace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c;

/**
 * The kind of file these first bytes start (read at least SNIFF_BYTES of the object; fewer when the
 * object is shorter). Magic numbers are checked at offset 0 only: a PDF must begin with `%PDF-`,
 * which every PDF writer does. Accepting the header further in (as some readers tolerate) would let
 * a web page or script that merely contains `%PDF-` pass as a PDF.
 */
export function detectFileKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (EXECUTABLES.some((signature) => startsWith(bytes, signature))) return 'executable';
  if (startsWith(bytes, OLE)) return 'office';
  if (ARCHIVES.some((signature) => startsWith(bytes, signature))) {
    // An Office Open XML or OpenDocument file names its first entry within the first bytes.
    return startsWith(bytes, ascii('PK')) &&
      containsAscii(bytes, '[Content_Types].xml', 'word/', 'xl/', 'ppt/', 'mimetype')
      ? 'office'
      : 'archive';
  }
  // Text formats: skip a byte-order mark and leading whitespace, then look at the first character.
  let start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
  while (isWhitespace(bytes[start])) start++;
  if (startsWith(bytes, ascii('#!'), start)) return 'script';
  if (bytes[start] === 0x3c /* < */) return 'markup'; // HTML, SVG, XML: may carry scripts
  return 'unknown';
}

function containsAscii(bytes: Uint8Array, ...needles: string[]): boolean {
  const text = String.fromCharCode(...bytes);
  return needles.some((needle) => text.includes(needle));
}
