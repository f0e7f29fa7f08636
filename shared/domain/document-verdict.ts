import { type DocumentContentType, MAX_DOCUMENT_BYTES } from '../api/schemas/document.schema.ts';
import type { LocalizedText } from '../http/language.ts';
import { FILE_EXTENSIONS } from './file-name.ts';
import { detectFileKind, type FileKind } from './file-type.ts';

/**
 * Why the server refused an upload. Stable codes for clients; the reason is for people.
 * - `upload-missing`: nothing under the issued key (not uploaded, or uploaded elsewhere).
 * - `upload-empty`: zero bytes.
 * - `upload-too-large`: more bytes than announced, or than the maximum.
 * - `upload-size-mismatch`: fewer bytes than announced (not the file that was announced).
 * - `type-disguised`: a program, script or web page under a document's name.
 * - `type-mismatch`: some other file than the announced type (another image type, Office, an archive…).
 * - `malware-found`: the malware scan (GuardDuty on AWS) found a threat.
 * - `scan-impossible`: the scan could not look into the file (encrypted, unsupported, failed).
 */
export type RejectionCode =
  | 'upload-missing'
  | 'upload-empty'
  | 'upload-too-large'
  | 'upload-size-mismatch'
  | 'type-disguised'
  | 'type-mismatch'
  | 'malware-found'
  | 'scan-impossible';

export interface Rejection {
  code: RejectionCode;
  reason: LocalizedText;
}

const TYPE_NAMES: Record<DocumentContentType, LocalizedText> = {
  'application/pdf': { de: 'PDF', en: 'PDF' },
  'image/jpeg': { de: 'JPEG-Bild', en: 'JPEG image' },
  'image/png': { de: 'PNG-Bild', en: 'PNG image' },
};

/** What a file turned out to be, as a phrase: "Sie ist <…>." / "it is <…>." */
const KIND_PHRASES: Record<Exclude<FileKind, 'unknown'>, LocalizedText> = {
  'application/pdf': { de: 'ein PDF', en: 'a PDF' },
  'image/jpeg': { de: 'ein JPEG-Bild', en: 'a JPEG image' },
  'image/png': { de: 'ein PNG-Bild', en: 'a PNG image' },
  executable: { de: 'ein ausführbares Programm', en: 'an executable program' },
  script: { de: 'ein Skript (Programmcode)', en: 'a script (program code)' },
  markup: { de: 'eine Webseite oder Code (HTML, XML, SVG)', en: 'a web page or code (HTML, XML, SVG)' },
  archive: { de: 'ein gepacktes Archiv (z. B. ZIP)', en: 'a compressed archive (e.g. ZIP)' },
  office: {
    de: 'ein Office-Dokument (z. B. Word oder Excel)',
    en: 'an Office document (e.g. Word or Excel)',
  },
};

/** Kinds that can run code when opened: the classic disguise behind a document's name. */
const ACTIVE_KINDS: readonly FileKind[] = ['executable', 'script', 'markup'];

const bytes = (n: number, language: 'de' | 'en') =>
  language === 'de'
    ? `${n.toLocaleString('de-DE')} Byte`
    : `${n.toLocaleString('en-GB')} ${n === 1 ? 'byte' : 'bytes'}`;

/**
 * The verdict on what arrived under the issued key, by size: undefined when the size is the announced
 * one (then the type decides). The upload policy allows exactly the announced size on AWS; the local
 * stand-in enforces no policy, and a policy is no reason to trust what arrived, so this check stands
 * on its own.
 */
export function sizeRejection(
  announcedSize: number,
  arrived: { size: number } | undefined,
): Rejection | undefined {
  if (!arrived) {
    return {
      code: 'upload-missing',
      reason: {
        de: 'Die Datei ist nicht angekommen. Bitte laden Sie sie erneut hoch.',
        en: 'The file did not arrive. Please upload it again.',
      },
    };
  }
  if (arrived.size === 0) {
    return {
      code: 'upload-empty',
      reason: {
        de: 'Die Datei ist leer (0 Byte). Bitte prüfen Sie die Datei und laden Sie sie erneut hoch.',
        en: 'The file is empty (0 bytes). Please check the file and upload it again.',
      },
    };
  }
  if (arrived.size > MAX_DOCUMENT_BYTES) {
    return {
      code: 'upload-too-large',
      reason: {
        de: `Die Datei ist größer als erlaubt (höchstens ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB).`,
        en: `The file is larger than allowed (at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB).`,
      },
    };
  }
  if (arrived.size > announcedSize) {
    return {
      code: 'upload-too-large',
      reason: {
        de: `Die Datei ist größer als angekündigt (${bytes(arrived.size, 'de')} statt ${bytes(announcedSize, 'de')}). Bitte laden Sie sie erneut hoch.`,
        en: `The file is larger than announced (${bytes(arrived.size, 'en')} instead of ${bytes(announcedSize, 'en')}). Please upload it again.`,
      },
    };
  }
  if (arrived.size < announcedSize) {
    return {
      code: 'upload-size-mismatch',
      reason: {
        de: `Die Datei ist unvollständig angekommen (${bytes(arrived.size, 'de')} statt ${bytes(announcedSize, 'de')}). Bitte laden Sie sie erneut hoch.`,
        en: `The file arrived incomplete (${bytes(arrived.size, 'en')} instead of ${bytes(announcedSize, 'en')}). Please upload it again.`,
      },
    };
  }
  return undefined;
}

/**
 * The verdict on the file's first bytes against the announced type: undefined when they match. The
 * announced type comes from the browser, which takes it from the file name, so a mismatch means the
 * file is not what its name says.
 */
export function typeRejection(announced: DocumentContentType, firstBytes: Uint8Array): Rejection | undefined {
  const kind = detectFileKind(firstBytes);
  if (kind === announced) return undefined;
  const name = TYPE_NAMES[announced];
  const notWhatItSays = {
    de: `Die Datei ist kein ${name.de}, obwohl sie so heißt.`,
    en: `The file is not a ${name.en}, although it is named like one.`,
  };
  if (kind === 'unknown') {
    return {
      code: 'type-mismatch',
      reason: {
        de: `${notWhatItSays.de} Erlaubt sind PDF, JPEG und PNG.`,
        en: `${notWhatItSays.en} PDF, JPEG and PNG are accepted.`,
      },
    };
  }
  const phrase = KIND_PHRASES[kind];
  if (ACTIVE_KINDS.includes(kind)) {
    return {
      code: 'type-disguised',
      reason: {
        de: `${notWhatItSays.de} Sie ist ${phrase.de} und wurde aus Sicherheitsgründen gelöscht.`,
        en: `${notWhatItSays.en} It is ${phrase.en} and has been deleted for security reasons.`,
      },
    };
  }
  if (kind === 'application/pdf' || kind === 'image/jpeg' || kind === 'image/png') {
    // An accepted file under the wrong extension: renaming it is all it takes.
    const extension = FILE_EXTENSIONS[kind][0];
    return {
      code: 'type-mismatch',
      reason: {
        de: `${notWhatItSays.de} Sie ist ${phrase.de}. Bitte geben Sie ihr die Endung .${extension} und laden Sie sie erneut hoch.`,
        en: `${notWhatItSays.en} It is ${phrase.en}. Please give it the extension .${extension} and upload it again.`,
      },
    };
  }
  return {
    code: 'type-mismatch',
    reason: {
      de: `${notWhatItSays.de} Sie ist ${phrase.de}. Bitte speichern Sie das Dokument als PDF, JPEG oder PNG und laden Sie es erneut hoch.`,
      en: `${notWhatItSays.en} It is ${phrase.en}. Please save the document as PDF, JPEG or PNG and upload it again.`,
    },
  };
}
