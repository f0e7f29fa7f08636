import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../shared/http/language.ts';

describe('pickLanguage', () => {
  it.each([
    [undefined, 'de'],
    ['', 'de'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['fr-FR,en;q=0.5,de;q=0.4', 'en'],
    ['fr-FR', 'de'],
    ['en;q=0, de', 'de'],
    ['de;q=0.3, en;q=0.7', 'en'],
  ])('%s → %s', (header, language) => {
    expect(pickLanguage(header)).toBe(language);
  });
});
