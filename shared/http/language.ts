/** German first: every message exists in German, and in English for those who ask for it. */
export type Language = 'de' | 'en';

/** Picks the language from an Accept-Language header; German unless English is preferred over it. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'de';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const first = ranked.find((entry) => entry.primary === 'de' || entry.primary === 'en');
  return first?.primary === 'en' ? 'en' : 'de';
}

export interface LocalizedText {
  de: string;
  en: string;
}
