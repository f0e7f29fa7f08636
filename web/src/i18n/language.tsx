import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { type Dictionary, LANGUAGES, type Language, type Messages } from './messages.ts';

const STORAGE_KEY = 'foerderflow.language';

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

/** German unless the person chose English here before (kept in localStorage). */
function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LANGUAGES.includes(stored as Language) ? (stored as Language) : 'de';
}

/** Holds the chosen language and keeps `<html lang>` in step, so screen readers pronounce it right. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
    currentLanguage = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside <LanguageProvider>');
  return state;
}

/** The current language's half of a feature dictionary. */
export function useMessages<T extends Messages>(dictionary: Dictionary<T>): T {
  return dictionary[useLanguage().language];
}

/** For code outside components (the API client's Accept-Language). */
let currentLanguage: Language = initialLanguage();
export function getLanguage(): Language {
  return currentLanguage;
}
