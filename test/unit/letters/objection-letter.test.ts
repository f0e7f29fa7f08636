import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application.ts';
import type { Decision } from '../../../shared/domain/decision.ts';
import { decideObjection, type ObjectionDecisionInput } from '../../../shared/domain/objection-decision.ts';
import { type LetterFonts, loadLetterFonts } from '../../../shared/letters/fonts.ts';
import { objectionLetterKindOf, renderObjectionLetter } from '../../../shared/letters/objection-letter.ts';
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
  },
  new Date('2027-03-01T00:00:00Z'),
);
const approval: Decision = {
  outcome: 'approved',
  grantedCents: 1_200_000,
  financingType: 'fixed',
  conditions: ['Ein Zwischenbericht ist bis zum 30.09.2027 vorzulegen.'],
  reasons: 'Verpflegung ist nicht zuwendungsfähig.',
  decidedBy: 'anna-approver',
  decidedAt: '2027-04-02T08:00:00.000Z',
};
const rejection: Decision = {
  outcome: 'rejected',
  financingType: 'fixed',
  conditions: [],
  reasons: 'Das Konzept erreicht die Zielgruppe nicht erkennbar.',
  rejectionGround: 'merits',
  decidedBy: 'anna-approver',
  decidedAt: '2027-04-02T08:00:00.000Z',
};
// 18 May 2027, 11:30 in Berlin.
const DECIDED_AT = new Date('2027-05-18T09:30:00.000Z');

/** The application as the objection workflow finds it: FINAL, with the objection decided. */
function afterObjection(decision: Decision, input: ObjectionDecisionInput): Application {
  const result = decideObjection(
    aSubmittedApplication({
      status: 'APPEALED',
      decision,
      objection: {
        at: '2027-04-20T10:00:00.000Z',
        by: 'amira',
        reason: 'Die Kürzung der Honorarkosten ist nicht nachvollziehbar begründet.',
      },
    }),
    call,
    input,
    'bernd-approver',
    DECIDED_AT,
  );
  if ('refused' in result) throw new Error(result.refused);
  return result.next;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the letter that ends an objection (PDF)', () => {
  let fonts: LetterFonts;
  beforeAll(async () => {
    fonts = await loadLetterFonts();
  });
  const render = (application: Application) =>
    renderObjectionLetter(
      {
        application,
        call,
        organisation: anOrganisationProfile({ legalName: 'Verein Zukunft Łódź–Київ e.V.' }),
        issuedAt: DECIDED_AT.toISOString(),
      },
      fonts,
    );

  it('an Abhilfebescheid names the objection and the Bescheid objected to, the new amount, what was granted before, the conditions, the reasons and the action at the court', async () => {
    const application = afterObjection(approval, {
      outcome: 'remedied',
      grantedCents: 1_000_000,
      reasons: 'Die Honorare sind nur zum Teil förderfähig; die Zuwendung wird entsprechend festgesetzt.',
    });
    expect(objectionLetterKindOf(application.objection ?? {})).toBe('abhilfebescheid');
    const bytes = await render(application);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('IM-2027-C-000042 – Abhilfebescheid');
    const { text, missingGlyphs } = await pdfText(bytes);
    const all = flat(text);
    for (const part of [
      'Bewilligungsstelle Integrative Maßnahmen',
      'IM-2027-C-000042',
      '18.05.2027',
      'Verein Zukunft Łódź–Київ e.V.',
      'Abhilfebescheid',
      'Ihr Widerspruch vom 20.04.2027 gegen den Zuwendungsbescheid vom 02.04.2027',
      'Ihrem Widerspruch wird abgeholfen (§ 72 VwGO)',
      'bis zu 10.000,00 €',
      'Bisher bewilligt',
      '12.000,00 €',
      'ANBest-P',
      'Ein Zwischenbericht ist bis zum 30.09.2027 vorzulegen.',
      'Die Honorare sind nur zum Teil förderfähig',
      'Rechtsbehelfsbelehrung',
      'innerhalb eines Monats nach seiner Bekanntgabe Klage beim Verwaltungsgericht Dresden',
      '§ 74 Abs. 1 Satz 2 VwGO',
    ]) {
      expect(all, part).toContain(part);
    }
    expect(missingGlyphs).toBe(0);
  });

  it('an Abhilfebescheid on a rejection says no grant was made before', async () => {
    const application = afterObjection(rejection, {
      outcome: 'remedied',
      grantedCents: 1_440_200,
      reasons: 'Die Zielgruppe ist im Konzept doch hinreichend beschrieben.',
    });
    const all = flat((await pdfText(await render(application))).text);
    expect(all).toContain('gegen den Ablehnungsbescheid vom 02.04.2027');
    expect(all).toContain('keine Zuwendung (Ablehnung)');
    expect(all).toContain('bis zu 14.402,00 €');
  });

  it('a Widerspruchsbescheid dismisses the objection, quotes it, keeps the Bescheid and instructs on an action within one month of service (§ 74 VwGO)', async () => {
    const application = afterObjection(rejection, {
      outcome: 'dismissed',
      reasons: 'Auch nach erneuter Prüfung bleibt offen, wie die Neuzugewanderten erreicht werden.',
    });
    expect(objectionLetterKindOf(application.objection ?? {})).toBe('widerspruchsbescheid');
    const bytes = await render(application);
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('IM-2027-C-000042 – Widerspruchsbescheid');
    const { text, missingGlyphs } = await pdfText(bytes);
    const all = flat(text);
    for (const part of [
      'Widerspruchsbescheid',
      'IM-2027-C-000042',
      '18.05.2027',
      'Verein Zukunft Łódź–Київ e.V.',
      'Ihr Widerspruch vom 20.04.2027 gegen den Ablehnungsbescheid vom 02.04.2027 wird zurückgewiesen',
      'Der Bescheid bleibt unverändert bestehen.',
      '„Die Kürzung der Honorarkosten ist nicht nachvollziehbar begründet.“',
      'Auch nach erneuter Prüfung bleibt offen',
      'Rechtsbehelfsbelehrung',
      'innerhalb eines Monats nach Zustellung dieses Widerspruchsbescheids Klage beim Verwaltungsgericht Dresden, Hans-Oster-Straße 4, 01099 Dresden',
      '§ 74 Abs. 1 Satz 1 VwGO',
    ]) {
      expect(all, part).toContain(part);
    }
    expect(all).not.toContain('abgeholfen');
    expect(missingGlyphs).toBe(0);
  });

  it('writes the same bytes every time (a retried task puts the same letter)', async () => {
    const application = afterObjection(approval, {
      outcome: 'dismissed',
      reasons: 'Die Kürzung folgt den Förderrichtlinien, Nr. 5.3.',
    });
    expect(Buffer.from(await render(application)).equals(Buffer.from(await render(application)))).toBe(true);
  });
});
