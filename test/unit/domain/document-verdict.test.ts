import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../../shared/api/schemas/document.schema.ts';
import { sizeRejection, typeRejection } from '../../../shared/domain/document-verdict.ts';

const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('sizeRejection', () => {
  it('accepts exactly the announced size', () => {
    expect(sizeRejection(1234, { size: 1234 })).toBeUndefined();
  });

  it('says the file did not arrive when nothing is under the key', () => {
    expect(sizeRejection(1234, undefined)).toEqual({
      code: 'upload-missing',
      reason: {
        de: 'Die Datei ist nicht angekommen. Bitte laden Sie sie erneut hoch.',
        en: 'The file did not arrive. Please upload it again.',
      },
    });
  });

  it('refuses an empty file', () => {
    expect(sizeRejection(1234, { size: 0 })?.code).toBe('upload-empty');
  });

  it('refuses more bytes than announced, naming both sizes', () => {
    const rejection = sizeRejection(1234, { size: 2_000_000 });
    expect(rejection?.code).toBe('upload-too-large');
    expect(rejection?.reason.de).toBe(
      'Die Datei ist größer als angekündigt (2.000.000 Byte statt 1.234 Byte). Bitte laden Sie sie erneut hoch.',
    );
    expect(rejection?.reason.en).toContain('(2,000,000 bytes instead of 1,234 bytes)');
  });

  it('refuses more than the maximum whatever was announced', () => {
    const rejection = sizeRejection(MAX_DOCUMENT_BYTES, { size: MAX_DOCUMENT_BYTES + 1 });
    expect(rejection?.code).toBe('upload-too-large');
    expect(rejection?.reason.de).toBe('Die Datei ist größer als erlaubt (höchstens 10 MB).');
  });

  it('refuses fewer bytes than announced: it is not the announced file', () => {
    expect(sizeRejection(1234, { size: 1000 })?.code).toBe('upload-size-mismatch');
  });
});

describe('typeRejection', () => {
  it('accepts content that matches the announced type', () => {
    expect(typeRejection('application/pdf', ascii('%PDF-1.4\n'))).toBeUndefined();
    expect(typeRejection('image/png', PNG)).toBeUndefined();
  });

  it('calls a program under a PDF name what it is, in German and English', () => {
    expect(typeRejection('application/pdf', ascii('MZ\x90\x00'))).toEqual({
      code: 'type-disguised',
      reason: {
        de: 'Die Datei ist kein PDF, obwohl sie so heißt. Sie ist ein ausführbares Programm und wurde aus Sicherheitsgründen gelöscht.',
        en: 'The file is not a PDF, although it is named like one. It is an executable program and has been deleted for security reasons.',
      },
    });
  });

  it('treats scripts and web pages as disguised too', () => {
    expect(typeRejection('application/pdf', ascii('#!/bin/bash\n'))?.code).toBe('type-disguised');
    expect(typeRejection('image/jpeg', ascii('<svg onload=alert(1)>'))?.code).toBe('type-disguised');
  });

  it('tells how to fix an accepted file under the wrong extension', () => {
    const rejection = typeRejection('application/pdf', PNG);
    expect(rejection?.code).toBe('type-mismatch');
    expect(rejection?.reason.de).toBe(
      'Die Datei ist kein PDF, obwohl sie so heißt. Sie ist ein PNG-Bild. Bitte geben Sie ihr die Endung .png und laden Sie sie erneut hoch.',
    );
  });

  it('asks for a PDF when a Word document arrives', () => {
    const docx = ascii(`PK\x03\x04\x14\x00\x06\x00\x08\x00${'\0'.repeat(18)}[Content_Types].xml`);
    const rejection = typeRejection('application/pdf', docx);
    expect(rejection?.code).toBe('type-mismatch');
    expect(rejection?.reason.de).toContain(
      'Sie ist ein Office-Dokument (z. B. Word oder Excel). Bitte speichern',
    );
  });

  it('names the accepted types when the content is unrecognisable', () => {
    expect(typeRejection('image/png', ascii('hello'))?.reason.en).toBe(
      'The file is not a PNG image, although it is named like one. PDF, JPEG and PNG are accepted.',
    );
  });
});
