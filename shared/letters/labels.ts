import type { Call } from '../api/schemas/call.schema.ts';
import type { Declarations, Region, TargetGroup } from '../api/schemas/draft.schema.ts';
import type { LocalizedText } from '../http/language.ts';

/**
 * What the form's coded answers are called, German and English, for letters and emails. The codes
 * are what the schemas store; people read these names.
 */

export const STRAND_NAMES: Record<Call['strand'], LocalizedText> = {
  A: { de: 'A – landesweite Strukturprojekte', en: 'A – statewide structural projects' },
  B: { de: 'B – Einzelprojekte', en: 'B – single projects' },
  C: { de: 'C – Kleinprojekte', en: 'C – small projects' },
  D: { de: 'D – Mentoring', en: 'D – mentoring' },
  E: { de: 'E – Spracherwerb', en: 'E – language acquisition' },
  F: { de: 'F – Projekte von besonderem Landesinteresse', en: 'F – projects of special state interest' },
};

export const FINANCING_TYPE_NAMES: Record<Call['financingType'], LocalizedText> = {
  partial: { de: 'Anteilfinanzierung', en: 'partial financing' },
  deficit: { de: 'Fehlbedarfsfinanzierung', en: 'deficit financing' },
  fixed: { de: 'Festbetragsfinanzierung', en: 'fixed-amount financing' },
  full: { de: 'Vollfinanzierung', en: 'full financing' },
};

export const TARGET_GROUP_NAMES: Record<TargetGroup, LocalizedText> = {
  gefluechtete: { de: 'Geflüchtete', en: 'refugees' },
  neuzugewanderte: { de: 'Neuzugewanderte', en: 'newly arrived migrants' },
  frauen: { de: 'Frauen', en: 'women' },
  'kinder-jugendliche': { de: 'Kinder und Jugendliche', en: 'children and young people' },
  eltern: { de: 'Eltern', en: 'parents' },
  aeltere: { de: 'Ältere Menschen', en: 'older people' },
  arbeitsuchende: { de: 'Arbeitsuchende', en: 'jobseekers' },
  ehrenamtliche: { de: 'Ehrenamtliche', en: 'volunteers' },
  aufnahmegesellschaft: { de: 'Aufnahmegesellschaft', en: 'receiving society' },
};

export const REGION_NAMES: Record<Region, LocalizedText> = {
  bautzen: { de: 'Landkreis Bautzen', en: 'Bautzen district' },
  erzgebirgskreis: { de: 'Erzgebirgskreis', en: 'Erzgebirge district' },
  goerlitz: { de: 'Landkreis Görlitz', en: 'Görlitz district' },
  'landkreis-leipzig': { de: 'Landkreis Leipzig', en: 'Leipzig district' },
  meissen: { de: 'Landkreis Meißen', en: 'Meißen district' },
  mittelsachsen: { de: 'Landkreis Mittelsachsen', en: 'Central Saxony district' },
  nordsachsen: { de: 'Landkreis Nordsachsen', en: 'North Saxony district' },
  'saechsische-schweiz-osterzgebirge': {
    de: 'Landkreis Sächsische Schweiz-Osterzgebirge',
    en: 'Saxon Switzerland-Eastern Ore Mountains district',
  },
  vogtlandkreis: { de: 'Vogtlandkreis', en: 'Vogtland district' },
  zwickau: { de: 'Landkreis Zwickau', en: 'Zwickau district' },
  chemnitz: { de: 'Chemnitz (Kreisfreie Stadt)', en: 'Chemnitz (city)' },
  dresden: { de: 'Dresden (Kreisfreie Stadt)', en: 'Dresden (city)' },
  leipzig: { de: 'Leipzig (Kreisfreie Stadt)', en: 'Leipzig (city)' },
  sachsenweit: { de: 'ganz Sachsen', en: 'all of Saxony' },
};

export const INPUT_TAX_NAMES: Record<NonNullable<Declarations['inputTaxDeduction']>, LocalizedText> = {
  none: { de: 'nicht zum Vorsteuerabzug berechtigt', en: 'not entitled to deduct input tax' },
  partial: { de: 'teilweise zum Vorsteuerabzug berechtigt', en: 'partly entitled to deduct input tax' },
  full: { de: 'zum Vorsteuerabzug berechtigt', en: 'entitled to deduct input tax' },
};

/** A supporting document's type as the call names it ('other' for anything the call does not list). */
export function documentTypeName(call: Pick<Call, 'requiredDocuments'>, type: string): LocalizedText {
  return (
    call.requiredDocuments.find((required) => required.id === type)?.label ?? {
      de: 'Sonstige Unterlage',
      en: 'Other document',
    }
  );
}

/** A file size as people read it: German `1,5 MB`, English `1.5 MB` (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number, language: 'de' | 'en'): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'MB']
      : bytes >= 1024
        ? [bytes / 1024, 'KB']
        : [bytes, 'B'];
  const digits = unit === 'B' || value >= 10 ? 0 : 1;
  const text = value.toFixed(digits);
  return `${language === 'de' ? text.replace('.', ',') : text} ${unit}`;
}

const dateTimeDe = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateTimeEn = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateDe = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const dateEn = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** An instant in Berlin time: `12.03.2027, 10:15 Uhr` and `12 March 2027, 10:15`. */
export function berlinDateTime(at: string | Date, language: 'de' | 'en'): string {
  const date = new Date(at);
  return language === 'de' ? `${dateTimeDe.format(date)} Uhr` : dateTimeEn.format(date);
}

/** The calendar day of an instant in Berlin: `Montag, 29. März 2027` and `Monday 29 March 2027`. */
export function berlinDay(at: string | Date, language: 'de' | 'en'): string {
  return (language === 'de' ? dateDe : dateEn).format(new Date(at));
}

/** An ISO date (YYYY-MM-DD) as written in German: `01.04.2027`. */
export function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

const timeOfDay = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
});

/** A deadline: `Montag, 29. März 2027, 23:59 Uhr` and `Monday 29 March 2027, 23:59 (Berlin time)`. */
export function berlinDeadline(at: string | Date, language: 'de' | 'en'): string {
  const time = timeOfDay.format(new Date(at));
  return language === 'de'
    ? `${berlinDay(at, 'de')}, ${time} Uhr`
    : `${berlinDay(at, 'en')}, ${time} (Berlin time)`;
}
