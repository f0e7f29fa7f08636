import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application.ts';
import type { Decision } from '../../../shared/domain/decision.ts';
import { type BescheidFacts, letterKindOf, renderBescheid } from '../../../shared/letters/bescheid.ts';
import { type LetterFonts, loadLetterFonts } from '../../../shared/letters/fonts.ts';
import { aSubmittedApplication } from '../../support/applications.ts';
import { aCall } from '../../support/calls.ts';
import { anOrganisationProfile } from '../../support/organisations.ts';
import { pdfText } from '../../support/pdf-text.ts';

const call = aCall(
  {
    id: 'call-1',
    programme: {
      de: 'Förderrichtlinie Integrative Maßnahmen (FRL IM)',
      en: 'Funding guideline Integrative Measures (FRL IM)',
    },
    title: { de: 'Kleinprojekte 2027', en: 'Small projects 2027' },
    financingType: 'partial',
  },
  new Date('2027-03-01T00:00:00Z'),
);

const approval: Decision = {
  outcome: 'approved',
  grantedCents: 1_200_000,
  financingType: 'partial',
  conditions: [
    'Die Kinderbetreuung ist durch pädagogisch qualifiziertes Personal sicherzustellen.',
    'Ein Zwischenbericht ist bis zum 30.09.2027 vorzulegen.',
  ],
  reasons: 'Die Ausgaben für Verpflegung sind nach Nr. 5.3 der Förderrichtlinie nicht zuwendungsfähig.',
  decidedBy: 'approver-sub',
  decidedAt: '2027-05-03T08:30:00.000Z',
};

const rejection: Decision = {
  outcome: 'rejected',
  financingType: 'partial',
  conditions: [],
  reasons: 'Das Konzept lässt nicht erkennen, wie die Zielgruppe der Neuzugewanderten erreicht werden soll.',
  rejectionGround: 'merits',
  decidedBy: 'approver-sub',
  decidedAt: '2027-05-03T08:30:00.000Z',
};

const decided = (decision: Decision, overrides: Partial<Application> = {}): Application =>
  aSubmittedApplication({
    status: decision.outcome === 'approved' ? 'APPROVED' : 'REJECTED',
    decision,
    pendingWork: 'decision',
    pendingSince: decision.decidedAt,
    ...overrides,
  });

/** All text of the PDF on one line, so phrases wrapped over several lines are found whole. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the Bescheid (decision letter PDF)', () => {
  let fonts: LetterFonts;
  beforeAll(async () => {
    fonts = await loadLetterFonts();
  });

  const render = (facts: Partial<BescheidFacts> & Pick<BescheidFacts, 'application'>) =>
    renderBescheid(
      {
        call,
        organisation: anOrganisationProfile(),
        // 08:45 UTC on 3 May is 10:45 in Berlin: the same calendar day.
        issuedAt: '2027-05-03T08:45:00.000Z',
        ...facts,
      },
      fonts,
    );

  it('a Zuwendungsbescheid has every required part: funding body, reference and date, recipient, subject, project, period, amount, financing type, legal basis, conditions, reasons, notification and legal remedies', async () => {
    const bytes = await render({ application: decided(approval) });
    const pdf = await PDFDocument.load(bytes);
    expect([Math.round(pdf.getPage(0).getWidth()), Math.round(pdf.getPage(0).getHeight())]).toEqual([
      595, 842,
    ]);
    const { text, missingGlyphs } = await pdfText(bytes);
    expect(missingGlyphs).toBe(0);
    const all = flat(text);
    for (const expected of [
      // letterhead, Aktenzeichen, date, recipient with address
      'Bewilligungsstelle Integrative Maßnahmen',
      'IM-2027-C-000042',
      '03.05.2027',
      'Nachbarschaftshilfe Connewitz e.V.',
      'Wolfgang-Heinze-Straße 12',
      '04277 Leipzig',
      // title and subject
      'Zuwendungsbescheid',
      'Betreff: Ihr Antrag vom 12.03.2027 auf Gewährung einer Zuwendung nach der Förderrichtlinie Integrative Maßnahmen (FRL IM) – Aufruf „Kleinprojekte 2027“ – Projekt „Sprachcafé für Familien“',
      // operative part: amount granted, project and purpose, period, costs, financing type with its rate
      'in Höhe von bis zu 12.000,00 € bewilligt',
      'Zuwendungsempfänger',
      'Sprachcafé für Familien',
      'Zuwendungszweck',
      'Wöchentliches Sprachcafé mit Kinderbetreuung',
      'Bewilligungszeitraum',
      '01.04.2027 bis 31.03.2028',
      '15.202,00 €',
      // 12,000 € of 15,202 € eligible costs = 78.93 % (floored)
      'Anteilfinanzierung in Höhe von 78,93 %',
      'höchstens 12.000,00 €',
      'bis zu 12.000,00 €',
      // legal basis
      '§§ 23 und 44 der Sächsischen Haushaltsordnung (SäHO)',
      'Ein Rechtsanspruch auf die Gewährung einer Zuwendung besteht nicht',
      // Nebenbestimmungen: ANBest-P become part of it, then the approver's own conditions
      'Nebenbestimmungen',
      'Allgemeinen Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P)',
      'werden Bestandteil dieses Bescheids',
      '2. Die Kinderbetreuung ist durch pädagogisch qualifiziertes Personal sicherzustellen.',
      '3. Ein Zwischenbericht ist bis zum 30.09.2027 vorzulegen.',
      // reasons: granted less than requested, with the approver's words
      'Begründung',
      'Abweichend von Ihrem Antrag (beantragt: 14.402,00 €)',
      'Die Ausgaben für Verpflegung sind nach Nr. 5.3 der Förderrichtlinie nicht zuwendungsfähig.',
      // electronic notification
      '§ 41 Abs. 2a VwVfG',
      'Er gilt am Tag nach dem ersten Abruf als bekannt gegeben.',
      'nicht innerhalb von zehn Tagen',
      // Rechtsbehelfsbelehrung
      'Rechtsbehelfsbelehrung',
      'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden.',
      'schriftlich oder zur Niederschrift bei der Bewilligungsstelle Integrative Maßnahmen, Albertstraße 10, 01097 Dresden',
      'Seite 1 von',
    ]) {
      expect(all, expected).toContain(expected);
    }
    // The conditions come before the reasons, and both before the legal remedies.
    expect(all.indexOf('ANBest-P')).toBeLessThan(all.indexOf('Begründung'));
    expect(all.indexOf('Begründung')).toBeLessThan(all.indexOf('Rechtsbehelfsbelehrung'));
    expect(all).not.toContain('abgelehnt');
  });

  it('an Ablehnungsbescheid rejects with the approver’s reasons and the legal remedies, and grants nothing', async () => {
    const bytes = await render({ application: decided(rejection) });
    const { text, missingGlyphs } = await pdfText(bytes);
    expect(missingGlyphs).toBe(0);
    const all = flat(text);
    for (const expected of [
      'Bewilligungsstelle Integrative Maßnahmen',
      'Ablehnungsbescheid',
      'IM-2027-C-000042',
      '03.05.2027',
      'Nachbarschaftshilfe Connewitz e.V.',
      '04277 Leipzig',
      'Projekt „Sprachcafé für Familien“',
      'Ihr Antrag auf Gewährung einer Zuwendung für das Projekt „Sprachcafé für Familien“ wird abgelehnt.',
      '01.04.2027 bis 31.03.2028',
      '14.402,00 €',
      '§§ 23 und 44 der Sächsischen Haushaltsordnung (SäHO)',
      'Begründung',
      'Das Konzept lässt nicht erkennen, wie die Zielgruppe der Neuzugewanderten erreicht werden soll.',
      '§ 41 Abs. 2a VwVfG',
      'innerhalb eines Monats nach Bekanntgabe Widerspruch',
      'schriftlich oder zur Niederschrift',
    ]) {
      expect(all, expected).toContain(expected);
    }
    expect(all).not.toContain('Zuwendungsbescheid');
    expect(all).not.toContain('ANBest-P');
    expect(all).not.toContain('bewilligt');
  });

  it('a rejection for lack of funds gives the standard reasoning: discretionary grants within the available budget, below the funding line', async () => {
    const { text } = await pdfText(
      await render({
        application: decided({ ...rejection, reasons: undefined, rejectionGround: 'lack-of-funds' }),
      }),
    );
    const all = flat(text);
    expect(all).toContain('im pflichtgemäßen Ermessen der Bewilligungsstelle');
    expect(all).toContain('nur im Rahmen der verfügbaren Haushaltsmittel möglich');
    expect(all).toContain('Ihr Antrag liegt darunter');
    expect(all).toContain('Aufruf „Kleinprojekte 2027“');
  });

  it('a full grant needs no further reasons (§ 39 (2) no. 1 VwVfG) and says so', async () => {
    const { text } = await pdfText(
      await render({ application: decided({ ...approval, grantedCents: 1_440_200, reasons: undefined }) }),
    );
    const all = flat(text);
    expect(all).toContain('Ihrem Antrag wird in vollem Umfang entsprochen');
    expect(all).toContain('§ 39 Abs. 2 Nr. 1 VwVfG');
    expect(all).not.toContain('Abweichend von Ihrem Antrag');
  });

  it('names each financing type in German', async () => {
    for (const [financingType, expected] of [
      ['deficit', 'Fehlbedarfsfinanzierung'],
      ['fixed', 'Festbetragsfinanzierung: Festbetrag von 12.000,00 €'],
      ['full', 'Vollfinanzierung'],
    ] as const) {
      const { text } = await pdfText(await render({ application: decided({ ...approval, financingType }) }));
      expect(flat(text), financingType).toContain(expected);
      expect(flat(text), financingType).not.toContain('Anteilfinanzierung');
    }
  });

  it('prints a recipient and a title in Polish, Ukrainian, Cyrillic and Arabic letters with real glyphs', async () => {
    const arabic = 'جسر الثقافات';
    const bytes = await render({
      application: decided(approval, { title: `Мост – Brücke ${arabic}` }),
      organisation: anOrganisationProfile({
        legalName: 'Verein Zukunft Łódź–Київ e.V.',
        representative: { name: 'Ольга Петрова', function: 'Vorsitzende' },
        address: { street: 'Straße des 17. Juni 3', postalCode: '09111', city: 'Chemnitz' },
      }),
    });
    const { text, missingGlyphs } = await pdfText(bytes);
    expect(missingGlyphs).toBe(0);
    expect(text).toContain('Verein Zukunft Łódź–Київ e.V.');
    expect(text).toContain('vertreten durch Ольга Петрова');
    expect(text).toContain('09111 Chemnitz');
    expect(text).toContain('Мост – Brücke');
    // The Arabic run is drawn right to left, so its glyphs come in visual order: the name reversed.
    expect(text).toContain([...arabic].reverse().join(''));
  });

  it('breaks long conditions and reasons across pages, with the reference and page number on every page', async () => {
    const conditions = Array.from({ length: 20 }, (_, i) =>
      `Auflage ${i + 1}: ${'Die Teilnehmendenlisten sind datenschutzgerecht zu führen und fünf Jahre aufzubewahren. '.repeat(5)}`.trim(),
    );
    const bytes = await render({
      application: decided({ ...approval, conditions, reasons: 'Begründung im Einzelnen. '.repeat(150) }),
    });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(4);
    const { pages, text } = await pdfText(bytes);
    pages.forEach((strings, index) => {
      expect(strings.join('\n')).toContain(
        `Aktenzeichen IM-2027-C-000042 · 03.05.2027 · Seite ${index + 1} von ${pages.length}`,
      );
    });
    const all = flat(text);
    for (let i = 1; i <= 20; i++) expect(all).toContain(`${i + 1}. Auflage ${i}: Die Teilnehmendenlisten`);
    // Nothing is cut off: the legal remedies still follow, on a later page than the first condition.
    const pageOf = (needle: string) => pages.findIndex((strings) => strings.join(' ').includes(needle));
    expect(pageOf('Rechtsbehelfsbelehrung')).toBeGreaterThan(pageOf('Auflage 1:'));
    expect(all).toContain('schriftlich oder zur Niederschrift');
  });

  it('gives the same bytes for the same decision, dated at the letter date, so a retried task writes the same file', async () => {
    const first = await render({ application: decided(approval) });
    const second = await render({ application: decided(approval) });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const pdf = await PDFDocument.load(first, { updateMetadata: false });
    expect(pdf.getCreationDate()?.toISOString()).toBe('2027-05-03T08:45:00.000Z');
    expect(pdf.getTitle()).toBe('IM-2027-C-000042 – Zuwendungsbescheid');
  });

  it('calls an approval’s letter a Zuwendungsbescheid and a rejection’s an Ablehnungsbescheid', () => {
    expect(letterKindOf(approval)).toBe('zuwendungsbescheid');
    expect(letterKindOf(rejection)).toBe('ablehnungsbescheid');
  });

  it('refuses to write a Bescheid for an application without a decision or a reference', async () => {
    await expect(render({ application: decided(approval, { decision: undefined }) })).rejects.toThrow(
      /no decision/,
    );
    await expect(render({ application: decided(approval, { reference: undefined }) })).rejects.toThrow(
      /no reference/,
    );
  });
});
