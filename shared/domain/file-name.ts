import type { DocumentContentType } from '../api/schemas/document.schema.ts';

/** The extensions each accepted type may carry; the first is the one added when a name has none of them. */
export const FILE_EXTENSIONS: Record<DocumentContentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
};

/** Longest name shown, in characters (Unicode code points), extension included. */
export const MAX_FILE_NAME_CHARS = 120;

/** The name of a file whose own name has nothing left after cleaning. */
const FALLBACK_BASE = 'Dokument';

/** Line breaks and other controls become spaces, so words they separated stay apart. */
const BREAKING = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
/**
 * Invisible characters are dropped: format characters (bidi overrides and isolates such as U+202E,
 * which makes "Rechnung<U+202E>fdp.exe" look like "Rechnungexe.pdf"; zero-width spaces and joiners; soft
 * hyphens; byte-order marks), unpaired surrogates and private-use characters.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}\p{Co}]/gu;
/** Characters with a meaning in HTML or in file paths on Windows; quotes get their typographic form. */
const REPLACEMENTS: Record<string, string> = {
  '<': '_',
  '>': '_',
  '"': '”',
  "'": '’',
  '`': '’',
  '&': '+',
  ':': '_',
  '*': '_',
  '?': '_',
  '|': '_',
};
const SPECIAL = /[<>"'`&:*?|]/g;

/**
 * A file name as the applicant's browser sent it, made safe to show and to offer for download later:
 * - Unicode NFC, so "ä" typed on a Mac and on Windows is the same name;
 * - path parts dropped (`../../etc/passwd` → `passwd`, `C:\x\y.pdf` → `y.pdf`);
 * - control, bidi-override and other invisible characters removed;
 * - HTML-significant and Windows-reserved characters replaced;
 * - no leading dots (hidden files), no trailing dots or spaces, whitespace runs as one space;
 * - at most MAX_FILE_NAME_CHARS characters, cut in the name, never in the extension;
 * - ending in an extension of the type the file is checked to be (`passwd` → `passwd.pdf`,
 *   `bild.exe` → `bild.exe.pdf`), so the name never promises another type than the content;
 * - never empty: `Dokument.pdf` when nothing is left.
 * The name is for people only: the storage key is chosen by the server and never derived from it.
 */
export function sanitizeFileName(raw: string, contentType: DocumentContentType): string {
  const cleaned = raw
    .normalize('NFC')
    .replace(BREAKING, ' ')
    .replace(INVISIBLE, '')
    .split(/[/\\]/)
    .at(-1)
    ?.replace(SPECIAL, (char) => REPLACEMENTS[char] ?? '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');

  const allowed = FILE_EXTENSIONS[contentType];
  const dot = cleaned ? cleaned.lastIndexOf('.') : -1;
  const ownExtension = dot > 0 ? (cleaned?.slice(dot + 1) ?? '') : '';
  const keepsExtension = allowed.includes(ownExtension.toLowerCase());
  const extension = keepsExtension ? ownExtension : (allowed[0] as string);
  const base = (keepsExtension ? cleaned?.slice(0, dot) : cleaned) ?? '';

  const room = MAX_FILE_NAME_CHARS - extension.length - 1;
  const cut = Array.from(base)
    .slice(0, room)
    .join('')
    .replace(/[\s.]+$/u, '');
  return `${cut || FALLBACK_BASE}.${extension}`;
}

/**
 * A Content-Disposition header for a document's file (RFC 6266): `filename` with an ASCII stand-in for
 * browsers that read only that, and `filename*` with the name in UTF-8, percent-encoded (RFC 8187), so
 * „Satzung Verein für Begegnung.pdf“ is saved under its own name. The name is a sanitized one
 * (sanitizeFileName): no quotes or controls reach the header.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
