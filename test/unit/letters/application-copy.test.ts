import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatEuro } from '../../../shared/domain/money.ts';
import { renderApplicationCopy } from '../../../shared/letters/application-copy.ts';
import { type LetterFonts, loadLetterFonts } from '../../../shared/letters/fonts.ts';
import { aDocument, aSubmittedApplication } from '../../support/applications.ts';
import { aCall } from '../../support/calls.ts';
import { anOrganisationProfile } from '../../support/organisations.ts';
import { pdfText } from '../../support/pdf-text.ts';

const call = aCall(
  {
    id: 'call-1',
    title: { de: 'Kleinprojekte 2027', en: 'Small projects 2027' },
    requiredDocuments: [
      { id: 'satzung', label: { de: 'Satzung', en: 'Articles of association' }, mandatory: true },
    ],
  },
  new Date('2027-03-01T00:00:00Z'),
);

describe('the PDF copy of an application as submitted', () => {
  let fonts: LetterFonts;
  beforeAll(async () => {
    fonts = await loadLetterFonts();
  });

  const render = (overrides: Parameters<typeof aSubmittedApplication>[0] = {}, more: object = {}) =>
    renderApplicationCopy(
      {
        application: aSubmittedApplication(overrides),
        call,
        organisation: anOrganisationProfile(),
        documents: [aDocument()],
        ...more,
      },
      fonts,
    );

  it('is an A4 PDF whose text layer has the reference, the applicant, the project, the plan and the documents', async () => {
    const bytes = await render();
    const pdf = await PDFDocument.load(bytes);
    const [width, height] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);

    const { text, missingGlyphs } = await pdfText(bytes);
    expect(missingGlyphs).toBe(0);
    for (const expected of [
      'Kopie des Antrags, wie',
      'copy of the application as submitted',
      'IM-2027-C-000042',
      // 09:15 UTC in March is 10:15 in Berlin
      '12.03.2027, 10:15 Uhr',
      'Nachbarschaftshilfe Connewitz e.V.',
      'eingetragener Verein (e.V.) / registered association (e.V.)',
      'Amtsgericht Leipzig, VR 4711',
      'Johanna Richter (Vorsitzende)',
      'IBAN DE89 3704 0044 0532 0130 00',
      'Kleinprojekte 2027 / Small projects 2027',
      'Sprachcafé für Familien',
      'Neuzugewanderte / newly arrived migrants',
      'Leipzig (Kreisfreie Stadt) / Leipzig (city)',
      '01.04.2027 – 31.03.2028',
      'Subventionserhebliche Tatsachen',
      'nicht zum Vorsteuerabzug berechtigt',
      'Einwilligung in die elektronische',
      'Personal / Staff: Projektleitung',
      'Sachausgaben / Material: Raummiete',
      'Honorare / Fees: Honorar Sprachmittlung',
      'Beantragte Zuwendung / Requested',
      formatEuro(1_440_200, 'de'),
      'Satzung-2024.pdf',
      'Satzung / Articles of association',
      '178 KB',
      'Seite 1 von',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('shows the totals, funding rate and own share the finance rules compute', async () => {
    const { text } = await pdfText(await render());
    // Staff 4,800 € × 20 % × 12 = 11,520 €; material 1,500 €; fees 800 €; direct 13,820 €; flat rate
    // 10 % = 1,382 €; total 15,202 €; grant 14,402 € = 94.73 %; own 800 € = 5.26 %.
    for (const expected of [
      '11.520,00 €',
      '13.820,00 €',
      '1.382,00 €',
      '15.202,00 €',
      '94,73 % / 94.73%',
      '5,26 % / 5.26%',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('gives the same bytes for the same facts, dated at the submission, so a retried task rewrites the same file', async () => {
    const first = await render();
    const second = await render();
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const pdf = await PDFDocument.load(first, { updateMetadata: false });
    expect(pdf.getCreationDate()?.toISOString()).toBe('2027-03-12T09:15:00.000Z');
    expect(pdf.getTitle()).toBe('IM-2027-C-000042 – Sprachcafé für Familien');
  });

  it('flows long texts and long plans over as many pages as they need, each with reference and page number', async () => {
    const summary = Array.from(
      { length: 45 },
      (_, i) => `Absatz ${i + 1}: ${'Begegnung und Sprache im Stadtteil. '.repeat(2)}`,
    )
      .join('\n')
      .slice(0, 4000);
    const material = Array.from({ length: 100 }, (_, i) => ({
      id: `m${i}`,
      description: `Materialposition Nummer ${i + 1} mit einer etwas längeren Beschreibung des Zwecks`,
      amountCents: 1000,
    }));
    const bytes = await render({
      summary,
      financePlan: { ...aSubmittedApplication().financePlan, material },
    });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(4);
    const { pages, text } = await pdfText(bytes);
    pages.forEach((strings, index) => {
      expect(strings.join('\n')).toContain(
        `Aktenzeichen / Reference IM-2027-C-000042 · Seite ${index + 1} von ${pages.length}`,
      );
    });
    expect(summary.length).toBeLessThanOrEqual(4000);
    expect(text).toContain('Absatz 45:');
    expect(text.match(/Sachausgaben \/ Material: Materialposition/g)).toHaveLength(100);
    expect(text).toContain('Gesamtfinanzierung / Total financing');
  });

  it('breaks a word too long for its column instead of running off the page', async () => {
    const bytes = await render({ title: `Projekt ${'Integrationsbegleitung'.repeat(9)}` });
    const { text } = await pdfText(bytes);
    expect(text.replace(/\n/g, '')).toContain('Integrationsbegleitung'.repeat(9));
  });

  it('prints Cyrillic, Polish, Turkish and Arabic names with real glyphs', async () => {
    const arabic = 'جمعية الجسر الثقافية';
    const bytes = await render(
      {},
      {
        organisation: anOrganisationProfile({
          legalName: `Deutsch-Arabischer Kulturverein ${arabic} e.V.`,
          representative: { name: 'Ольга Петрова', function: 'Vorsitzende' },
          contactEmail: 'kontakt@example.org',
        }),
        documents: [aDocument({ fileName: 'Satzung Łukasz Ğündoğdu.pdf' })],
      },
    );
    const { text, missingGlyphs } = await pdfText(bytes);
    expect(missingGlyphs).toBe(0);
    expect(text).toContain('Ольга Петрова (Vorsitzende)');
    expect(text).toContain('Satzung Łukasz Ğündoğdu.pdf');
    expect(text).toContain('Deutsch-Arabischer Kulturverein');
    // The Arabic run is drawn right to left, so its glyphs come in visual order: the name reversed.
    expect(text).toContain([...arabic].reverse().join(''));
  });

  it('marks unanswered declarations and a missing profile plainly instead of leaving gaps', async () => {
    const bytes = await render({ declarations: {} }, { organisation: undefined, documents: [] });
    const { text } = await pdfText(bytes);
    expect(text).toContain('Kein Profil angelegt / No profile entered');
    expect(text).toContain('keine Angabe / not stated');
    expect(text).toContain('Keine Unterlagen / No documents');
  });

  it('refuses to copy an application that has no reference yet', async () => {
    await expect(render({ reference: undefined })).rejects.toThrow(/no reference/);
  });
});
