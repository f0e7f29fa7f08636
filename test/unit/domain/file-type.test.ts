import { describe, expect, it } from 'vitest';
import { detectFileKind } from '../../../shared/domain/file-type.ts';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  );

describe('detectFileKind', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'image/png'],
    ['a JPEG (JFIF)', bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'), 'image/jpeg'],
    ['a JPEG (Exif, from a phone)', bytes([0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34], 'Exif'), 'image/jpeg'],
  ])('recognises %s by its first bytes', (_name, input, kind) => {
    expect(detectFileKind(input)).toBe(kind);
  });

  it.each([
    ['a Windows program', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]), 'executable'],
    ['a Linux program', bytes([0x7f], 'ELF', [2, 1, 1]), 'executable'],
    ['a macOS program', bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), 'executable'],
    ['a shell script', bytes('#!/bin/sh\nrm -rf ~\n'), 'script'],
    ['a web page', bytes('<!DOCTYPE html><html><script>alert(1)</script>'), 'markup'],
    ['a web page after a BOM and blank lines', bytes([0xef, 0xbb, 0xbf], '\r\n \t<html>'), 'markup'],
    ['an SVG image (may carry scripts)', bytes('<?xml version="1.0"?><svg xmlns='), 'markup'],
    ['a zip archive', bytes('PK', [3, 4, 20, 0, 0, 0, 8, 0], 'secret/evil.exe'), 'archive'],
    [
      'a Word document (docx)',
      bytes('PK', [3, 4, 20, 0, 6, 0, 8, 0], '\0'.repeat(18), '[Content_Types].xml'),
      'office',
    ],
    ['an old Word document (doc)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'office'],
    ['plain text', bytes('Sehr geehrte Damen und Herren,'), 'unknown'],
    ['nothing', bytes(), 'unknown'],
  ])('tells %s apart from the accepted types', (_name, input, kind) => {
    expect(detectFileKind(input)).toBe(kind);
  });

  it('accepts a PDF header only at the very start, so a page that merely contains one is no PDF', () => {
    expect(detectFileKind(bytes('<html>%PDF-1.4'))).toBe('markup');
    expect(detectFileKind(bytes(' %PDF-1.4'))).toBe('unknown');
  });

  it('does not take a truncated signature for the type', () => {
    expect(detectFileKind(bytes('%PD'))).toBe('unknown');
    expect(detectFileKind(bytes([0x89, 0x50, 0x4e, 0x47]))).toBe('unknown');
  });
});
