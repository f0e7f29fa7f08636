/**
 * Every visible string of the portal comes from a dictionary: one per feature, German first, English with
 * exactly the same keys (the type makes a missing or extra English key a compile error). A message is a
 * string, a function for messages with values in them, or a group of strings keyed by an API value; values are formatted by the caller with
 * format.ts, so amounts and dates follow the language.
 *
 *   export const calls = defineMessages({ de: { title: 'Förderaufrufe', … }, en: { title: 'Calls', … } });
 *   const t = useMessages(calls);   // in a component: t.title
 */
export type Language = 'de' | 'en';
export const LANGUAGES: readonly Language[] = ['de', 'en'];

/** A text, a text with values, or a group of texts keyed by a value of the API (e.g. a financing type). */
// biome-ignore lint/suspicious/noExplicitAny: messages may take any arguments; each key keeps its own type.
type Message = string | ((...args: any[]) => string) | Readonly<Record<string, string>>;
export type Messages = Record<string, Message>;

export interface Dictionary<T extends Messages> {
  de: T;
  en: T;
}

/** Declares a feature's dictionary. German fixes the keys (and argument types); English must match them. */
export function defineMessages<T extends Messages>(dictionary: { de: T; en: NoInfer<T> }): Dictionary<T> {
  return dictionary;
}
