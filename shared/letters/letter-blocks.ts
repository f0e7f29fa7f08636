import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { OrganisationProfile } from '../api/schemas/organisation.schema.ts';
import { berlinDate } from '../domain/berlin-time.ts';
import { formatEuro } from '../domain/money.ts';
import type { LetterFonts } from './fonts.ts';
import { germanDate } from './labels.ts';
import { GREY, LetterWriter } from './pdf-layout.ts';

/**
 * The blocks every administrative letter of the funding body is made of — the Bescheid and the letters
 * that end an objection: who writes and where an objection or action goes, the opening (letterhead,
 * title, Betreff, salutation), numbered lists, the Rechtsbehelfsbelehrungen and the closing.
 */

/**
 * The authority that issues the Bescheide and receives objections. One body per deployment: a
 * constant here until the funding body becomes configuration of its own; the letter's legal
 * instruction names it and its address, so it must be the address where an objection is lodged.
 */
export interface FundingBody {
  name: string;
  /** The lines of its postal address, street first. */
  address: string[];
  /** Shown in the letterhead for questions (not a channel for objections). */
  email: string;
}

export const FUNDING_BODY: FundingBody = {
  name: 'Bewilligungsstelle Integrative Maßnahmen',
  address: ['Albertstraße 10', '01097 Dresden'],
  email: 'foerderung@example.org',
};

/**
 * The court an action (Klage) against the funding body's decisions goes to: the administrative court
 * of the district where the funding body sits (§ 52 Nr. 3 VwGO; Dresden for the Bewilligungsstelle).
 * A constant beside FUNDING_BODY until both become configuration.
 */
export interface AdministrativeCourt {
  name: string;
  address: string[];
}

export const ADMINISTRATIVE_COURT: AdministrativeCourt = {
  name: 'Verwaltungsgericht Dresden',
  address: ['Hans-Oster-Straße 4', '01099 Dresden'],
};

export const euro = (cents: number) => formatEuro(cents, 'de');
export const day = (at: string) => germanDate(berlinDate(new Date(at)));
export const quoted = (text: string) => `„${text}“`;

export interface LetterOpening {
  body: FundingBody;
  organisation: OrganisationProfile;
  reference: string;
  /** The letter's date (an instant; the letter shows its calendar day in Berlin). */
  issuedAt: string;
  /** The letter's German name, its title (e.g. 'Zuwendungsbescheid'). */
  kind: string;
  /** The English line under the title, for orientation. */
  kindEn: string;
  /** The PDF's subject: what the letter is about (the project's title). */
  about: string;
  /** The Betreff line, after 'Betreff: '. */
  betreff: string;
  /** The sentence after the salutation that leads to the decision. */
  intro: string;
}

/**
 * A new A4 letter with the embedded fonts and its metadata, dated `issuedAt` (same bytes on every run),
 * opened with the letterhead, the title with its English line, the Betreff, the note that only the
 * German text binds, the salutation and the intro.
 */
export async function beginLetter(
  fonts: LetterFonts,
  opening: LetterOpening,
): Promise<{ doc: PDFDocument; writer: LetterWriter }> {
  const { body, kind, issuedAt } = opening;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const writer = new LetterWriter(doc, {
    regular: await doc.embedFont(fonts.regular, { subset: true }),
    bold: await doc.embedFont(fonts.bold, { subset: true }),
  });
  doc.setTitle(`${opening.reference} – ${kind}`);
  doc.setSubject(`${kind}: ${opening.about}`);
  doc.setAuthor(body.name);
  doc.setCreator('foerderflow');
  doc.setProducer('foerderflow (pdf-lib)');
  doc.setLanguage('de-DE');
  doc.setCreationDate(new Date(issuedAt));
  doc.setModificationDate(new Date(issuedAt));

  writeLetterhead(writer, opening);
  const width = writer.contentWidth;
  writer.lines(writer.column(kind, writer.bold, 16, width));
  writer.lines(writer.column(opening.kindEn, writer.regular, 9.5, width, GREY));
  writer.space(6);
  writer.lines(writer.column(`Betreff: ${opening.betreff}`, writer.bold, 10.5, width));
  writer.lines(
    writer.column(
      'Verbindlich ist allein der deutsche Text; die englischen Zeilen dienen der Orientierung. / Only the German text is binding; the English lines are for orientation.',
      writer.regular,
      8,
      width,
      GREY,
    ),
  );
  writer.space(10);
  paragraph(writer, 'Sehr geehrte Damen und Herren,');
  paragraph(writer, opening.intro);
  return { doc, writer };
}

/** Letterhead: the funding body, then recipient (left) beside Aktenzeichen and date (right). */
function writeLetterhead(
  writer: LetterWriter,
  facts: { body: FundingBody; organisation: OrganisationProfile; reference: string; issuedAt: string },
) {
  const { body, organisation, reference, issuedAt } = facts;
  const width = writer.contentWidth;
  writer.lines([
    ...writer.column(body.name, writer.bold, 13, width),
    ...writer.column(`${body.address.join(' · ')} · ${body.email}`, writer.regular, 8.5, width, GREY),
  ]);
  writer.rule();
  writer.space(14);
  const address = organisation.address;
  const recipient = [
    organisation.legalName,
    ...(organisation.representative?.name ? [`vertreten durch ${organisation.representative.name}`] : []),
    ...(address?.street ? [address.street] : []),
    ...([address?.postalCode, address?.city].some(Boolean)
      ? [[address?.postalCode, address?.city].filter(Boolean).join(' ')]
      : []),
  ];
  const leftWidth = width * 0.58;
  const rightWidth = width - leftWidth - 12;
  writer.columns([
    {
      x: 0,
      width: leftWidth,
      lines: recipient.flatMap((line) => writer.column(line, writer.regular, 10.5, leftWidth)),
    },
    {
      x: leftWidth + 12,
      width: rightWidth,
      lines: [
        ...writer.column('Aktenzeichen', writer.regular, 8, rightWidth, GREY),
        ...writer.column(reference, writer.bold, 10, rightWidth),
        ...writer.column('Datum', writer.regular, 8, rightWidth, GREY),
        ...writer.column(day(issuedAt), writer.regular, 10, rightWidth),
        ...writer.column('Bei Antwort bitte das Aktenzeichen angeben', writer.regular, 8, rightWidth, GREY),
      ],
    },
  ]);
  writer.space(20);
}

/** A paragraph of body text (10 pt), with the space after it. */
export function paragraph(writer: LetterWriter, value: string) {
  writer.lines(writer.column(value, writer.regular, 10, writer.contentWidth));
  writer.space(6);
}

/** A numbered list with hanging indent: each item wraps beside its number and may cross pages. */
export function numbered(writer: LetterWriter, items: string[]) {
  const indent = 22;
  items.forEach((item, index) => {
    writer.columns([
      { x: 0, width: indent, lines: writer.column(`${index + 1}.`, writer.regular, 10, indent) },
      {
        x: indent,
        width: writer.contentWidth - indent,
        lines: writer.column(item, writer.regular, 10, writer.contentWidth - indent),
      },
    ]);
    writer.space(4);
  });
}

/** The Rechtsbehelfsbelehrung as section `numeral` of the letter: which remedy, where, by when. */
export function writeLegalRemedies(writer: LetterWriter, numeral: string, instruction: string) {
  writer.heading(`${numeral}. Rechtsbehelfsbelehrung`, `${numeral}. Legal remedies`);
  paragraph(writer, instruction);
}

/** Against a Bescheid: an objection (Widerspruch) at the funding body within one month (§ 70 VwGO). */
export function objectionInstruction(body: FundingBody): string {
  return `Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich oder zur Niederschrift bei der ${body.name}, ${body.address.join(', ')}, einzulegen.`;
}

/**
 * Against an Abhilfebescheid, where the Abhilfe itself burdens the applicant: an action at the
 * administrative court within one month of notification (§§ 68 (1) sentence 2 no. 2, 74 (1) sentence 2 VwGO).
 */
export function actionAgainstRemedyInstruction(court: AdministrativeCourt): string {
  return `Soweit Sie durch diesen Bescheid beschwert sind, kann innerhalb eines Monats nach seiner Bekanntgabe Klage beim ${court.name}, ${court.address.join(', ')}, erhoben werden (§ 68 Abs. 1 Satz 2 Nr. 2, § 74 Abs. 1 Satz 2 VwGO). ${howToSue(court)}`;
}

/**
 * Against a Widerspruchsbescheid: an action against the Bescheid objected to, in the form the
 * Widerspruchsbescheid gave it, within one month of service (§ 74 (1) sentence 1 VwGO).
 */
export function actionAgainstDismissalInstruction(
  court: AdministrativeCourt,
  objectedLetter: string,
): string {
  return `Gegen den ${objectedLetter} in der Gestalt dieses Widerspruchsbescheids kann innerhalb eines Monats nach Zustellung dieses Widerspruchsbescheids Klage beim ${court.name}, ${court.address.join(', ')}, erhoben werden (§ 74 Abs. 1 Satz 1 VwGO). ${howToSue(court)}`;
}

/** How an action is brought (§§ 81, 55a VwGO), the same for both letters that end an objection. */
function howToSue(court: AdministrativeCourt): string {
  return `Die Klage ist schriftlich, zur Niederschrift des Urkundsbeamten der Geschäftsstelle des ${court.name.replace(/^Verwaltungsgericht/, 'Verwaltungsgerichts')} oder elektronisch nach Maßgabe des § 55a VwGO zu erheben. Sie muss den Kläger, den Beklagten und den Gegenstand des Klagebegehrens bezeichnen und soll einen bestimmten Antrag enthalten.`;
}

/**
 * The closing (greeting, the funding body, the note that it is valid without signature), the footer on
 * every page (kind, Aktenzeichen, date, page of pages), and the finished PDF.
 */
export function finishLetter(
  doc: PDFDocument,
  writer: LetterWriter,
  letter: { body: FundingBody; kind: string; reference: string; issuedAt: string },
): Promise<Uint8Array> {
  const { body, kind, reference, issuedAt } = letter;
  writer.space(10);
  paragraph(writer, 'Mit freundlichen Grüßen');
  paragraph(writer, body.name);
  writer.lines(
    writer.column(
      'Dieser Bescheid wurde elektronisch erstellt und ist ohne Unterschrift gültig.',
      writer.regular,
      8.5,
      writer.contentWidth,
      GREY,
    ),
  );
  writer.footers(
    (page, pages) => `${kind} · Aktenzeichen ${reference} · ${day(issuedAt)} · Seite ${page} von ${pages}`,
  );
  return doc.save();
}
