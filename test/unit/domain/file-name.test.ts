import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_CHARS, sanitizeFileName } from '../../../shared/domain/file-name.ts';

const RLO = '\u202e'; // RIGHT-TO-LEFT OVERRIDE
const pdf = (name: string) => sanitizeFileName(name, 'application/pdf');

describe('sanitizeFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(pdf('Satzung 2026.pdf')).toBe('Satzung 2026.pdf');
    expect(sanitizeFileName('Foto vom Fest.JPG', 'image/jpeg')).toBe('Foto vom Fest.JPG');
  });

  it('drops path parts, Unix and Windows alike', () => {
    expect(pdf('../../etc/passwd')).toBe('passwd.pdf');
    expect(pdf('C:\\x\\y.pdf')).toBe('y.pdf');
    expect(pdf('\\\\server\\share\\Haushaltsplan.pdf')).toBe('Haushaltsplan.pdf');
  });

  it('removes bidi overrides, so "exe.pdf" tricks show what the name really ends in', () => {
    // Displays as "Rechnungexe.pdf" where bidi overrides are honoured.
    const name = pdf(`Rechnung${RLO}fdp.exe`);
    expect(name).toBe('Rechnungfdp.exe.pdf');
    expect(name).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  });

  it('removes zero-width and other invisible characters, and turns control characters into spaces', () => {
    expect(pdf('Sat\u200bzung\u00ad.pdf')).toBe('Satzung.pdf');
    expect(pdf('Bericht\nTeil\t2.pdf')).toBe('Bericht Teil 2.pdf');
    expect(pdf('a\u0000b.pdf')).toBe('a b.pdf');
  });

  it('neutralises characters that mean something in HTML', () => {
    const name = pdf('<img src=x onerror=alert(1)>.pdf');
    expect(name).not.toMatch(/[<>"'`]/);
    expect(name).toBe('_img src=x onerror=alert(1)_.pdf');
    expect(pdf('"Tom\'s" & Co.pdf')).toBe('”Tom’s” + Co.pdf');
  });

  it('treats a script tag like any other name: the slash in it is a path separator', () => {
    expect(pdf('<script>alert(1)</script>.pdf')).toBe('script_.pdf');
  });

  it('normalises to NFC, so the same name typed on a Mac and on Windows is the same', () => {
    const decomposed = 'Fo\u0308rderantrag.pdf'; // o + combining diaeresis (macOS)
    expect(pdf(decomposed)).toBe('Förderantrag.pdf');
    expect(pdf(decomposed)).toBe(pdf('Förderantrag.pdf'));
  });

  it('removes leading dots (hidden files) and trailing dots and spaces', () => {
    expect(pdf('.htaccess')).toBe('htaccess.pdf');
    expect(pdf('  Plan .pdf. ')).toBe('Plan.pdf');
  });

  it('ends in an extension of the checked type: the name never promises another type', () => {
    expect(pdf('Programm.exe')).toBe('Programm.exe.pdf');
    expect(pdf('Scan')).toBe('Scan.pdf');
    expect(sanitizeFileName('Foto.png', 'image/jpeg')).toBe('Foto.png.jpg');
  });

  it('caps the length in the name, keeping the extension', () => {
    const name = pdf(`${'ä'.repeat(300)}.pdf`);
    expect(Array.from(name)).toHaveLength(MAX_FILE_NAME_CHARS);
    expect(name.endsWith('ä.pdf')).toBe(true);
  });

  it('does not split an emoji when it cuts', () => {
    const name = pdf(`${'😀'.repeat(200)}.pdf`);
    expect(name).toBe(`${'😀'.repeat(MAX_FILE_NAME_CHARS - 4)}.pdf`);
    expect(name.isWellFormed()).toBe(true);
  });

  it('is never empty', () => {
    expect(pdf('')).toBe('Dokument.pdf');
    expect(pdf('../..')).toBe('Dokument.pdf');
    expect(pdf(`${RLO}\u200b`)).toBe('Dokument.pdf');
    expect(pdf('.pdf')).toBe('pdf.pdf');
  });

  it('gives a short, safe, well-formed name with the right extension for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = pdf(raw);
        expect(name.length).toBeGreaterThan(4);
        expect(Array.from(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
        expect(name.endsWith('.pdf')).toBe(true);
        expect(name).not.toMatch(/[/\\<>"'`\p{Cc}\p{Cf}\p{Cs}\p{Co}]/u);
        expect(name).not.toMatch(/^[\s.]/u);
        expect(name.isWellFormed()).toBe(true);
        expect(name).toBe(name.normalize('NFC'));
        expect(pdf(name)).toBe(name);
      }),
    );
  });
});
