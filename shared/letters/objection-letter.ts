import type { Call } from '../api/schemas/call.schema.ts';
import type { OrganisationProfile } from '../api/schemas/organisation.schema.ts';
import type { Application } from '../domain/application.ts';
import type { Decision, Letter, Objection } from '../domain/decision.ts';
import { financeTotals } from '../domain/finance-rules.ts';
import { financingText } from './bescheid.ts';
import type { LetterFonts } from './fonts.ts';
import { germanDate } from './labels.ts';
import {
  ADMINISTRATIVE_COURT,
  type AdministrativeCourt,
  actionAgainstDismissalInstruction,
  actionAgainstRemedyInstruction,
  beginLetter,
  day,
  euro,
  FUNDING_BODY,
  type FundingBody,
  finishLetter,
  numbered,
  paragraph,
  quoted,
  writeLegalRemedies,
} from './letter-blocks.ts';

export interface ObjectionLetterFacts {
  /** The application after the objection was decided: FINAL, with the objection's outcome recorded. */
  application: Application;
  call: Pick<Call, 'programme' | 'title' | 'financingType' | 'rules'>;
  organisation: OrganisationProfile;
  /** The letter's date (an instant; shown as its calendar day in Berlin): the day the objection was decided. */
  issuedAt: string;
  fundingBody?: FundingBody;
  court?: AdministrativeCourt;
}

/** Remedied: the Abhilfebescheid (§ 72 VwGO); dismissed: the Widerspruchsbescheid (§ 73 VwGO). */
export function objectionLetterKindOf(objection: Pick<Objection, 'outcome'>): Letter['kind'] {
  return objection.outcome === 'remedied' ? 'abhilfebescheid' : 'widerspruchsbescheid';
}

const bescheidName = (decision: Pick<Decision, 'outcome'>) =>
  decision.outcome === 'approved' ? 'Zuwendungsbescheid' : 'Ablehnungsbescheid';

/**
 * The letter that ends an objection, as a PDF in the layout of the Bescheid (letterhead, Aktenzeichen
 * and date, recipient), German with English lines for orientation:
 * - Abhilfebescheid: the objection of <date> against the Bescheid of <date> is remedied; the decision
 *   now reads: approved with the new amount (with financing type, period, what was granted before and
 *   what was requested), the Nebenbestimmungen (ANBest-P and conditions), the reasons, and the
 *   Rechtsbehelfsbelehrung: an action at the administrative court within one month of notification
 *   where the Abhilfe itself burdens the applicant (§§ 68 (1) sentence 2 no. 2, 74 (1) sentence 2 VwGO).
 * - Widerspruchsbescheid: the objection of <date> is dismissed; the Bescheid of <date> stands; the
 *   reasons, starting from what was decided and what the objection said; the Rechtsbehelfsbelehrung:
 *   an action at the administrative court within one month of service (§ 74 (1) sentence 1 VwGO).
 * Pure and deterministic like the Bescheid: dated the day the objection was decided.
 */
export async function renderObjectionLetter(
  facts: ObjectionLetterFacts,
  fonts: LetterFonts,
): Promise<Uint8Array> {
  const { application, call, organisation, issuedAt } = facts;
  const body = facts.fundingBody ?? FUNDING_BODY;
  const court = facts.court ?? ADMINISTRATIVE_COURT;
  const { reference, decision, objection } = application;
  if (!reference || !decision || !objection?.outcome) {
    throw new Error(`application ${application.id} has no reference, decision or decided objection`);
  }
  const remedied = objection.outcome === 'remedied';
  // The Bescheid the objection was against: replaced when remedied, else still the application's decision.
  const objectedTo = remedied ? (objection.previousDecision ?? decision) : decision;
  const kind = remedied ? 'Abhilfebescheid' : 'Widerspruchsbescheid';

  const objectedLetter = `${bescheidName(objectedTo)} vom ${day(objectedTo.decidedAt)}`;
  const { doc, writer } = await beginLetter(fonts, {
    body,
    organisation,
    reference,
    issuedAt,
    kind,
    kindEn: remedied ? 'Decision remedying your objection' : 'Decision on your objection',
    about: application.title,
    betreff: `Ihr Widerspruch vom ${day(objection.at)} gegen den ${objectedLetter} – Aufruf ${quoted(call.title.de)} – Projekt ${quoted(application.title)}`,
    intro: `auf Ihren Widerspruch vom ${day(objection.at)} ergeht folgender Bescheid:`,
  });

  const totals = financeTotals(application.financePlan, call.rules.adminFlatRateBps);
  writer.heading('I. Entscheidung', 'I. Decision');
  if (remedied) {
    const granted = decision.grantedCents ?? 0;
    const before = objection.previousGrantedCents ?? 0;
    paragraph(
      writer,
      `1. Ihrem Widerspruch wird abgeholfen (§ 72 VwGO). Der ${objectedLetter} wird geändert und erhält folgende Fassung: Für das Projekt ${quoted(application.title)} wird Ihnen eine Zuwendung als Projektförderung in Form eines nicht rückzahlbaren Zuschusses in Höhe von bis zu ${euro(granted)} bewilligt.`,
    );
    writer.row({ de: 'Zuwendungsempfänger', en: 'Recipient' }, organisation.legalName, { bold: true });
    writer.row({ de: 'Projekt', en: 'Project' }, application.title, { bold: true });
    const period = application.projectPeriod;
    writer.row(
      { de: 'Bewilligungszeitraum', en: 'Funding period' },
      period?.start && period.end
        ? `${germanDate(period.start)} bis ${germanDate(period.end)}`
        : 'wie im Antrag angegeben',
    );
    writer.row(
      { de: 'Finanzierungsart', en: 'Financing type' },
      financingText(decision.financingType ?? call.financingType, granted, totals.totalCostsCents),
    );
    writer.row({ de: 'Höhe der Zuwendung (neu)', en: 'Amount granted (new)' }, `bis zu ${euro(granted)}`, {
      bold: true,
    });
    writer.row(
      { de: 'Bisher bewilligt', en: 'Granted before' },
      objectedTo.outcome === 'approved' ? euro(before) : 'keine Zuwendung (Ablehnung)',
    );
    writer.row({ de: 'Beantragt', en: 'Requested' }, euro(totals.requestedGrantCents));
    writer.space(4);
    paragraph(
      writer,
      '2. Im Übrigen gelten die Bestimmungen des Bescheids fort, soweit sie dieser Bescheid nicht ändert. Die Zuwendung wird auf Anforderung ausgezahlt (Mittelabruf), soweit sie für fällige Zahlungen benötigt wird.',
    );

    writer.heading('II. Nebenbestimmungen', 'II. Conditions');
    numbered(writer, [
      'Die Allgemeinen Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P) in der zum Zeitpunkt dieses Bescheids geltenden Fassung sind Bestandteil dieses Bescheids, soweit im Folgenden nichts Abweichendes bestimmt ist.',
      ...decision.conditions.map((condition) => condition.trim()).filter(Boolean),
    ]);
    writer.space(4);

    writer.heading('III. Begründung', 'III. Reasons');
    paragraph(
      writer,
      `Sie haben gegen den ${objectedLetter} am ${day(objection.at)} Widerspruch erhoben. Die Bewilligungsstelle hat ihre Entscheidung daraufhin überprüft und hilft dem Widerspruch ab, indem sie den Bescheid wie unter I. ändert (§ 72 VwGO). Die Zuwendung beruht auf den §§ 23 und 44 der Sächsischen Haushaltsordnung (SäHO) und der ${call.programme.de}; sie liegt im pflichtgemäßen Ermessen der Bewilligungsstelle im Rahmen der verfügbaren Haushaltsmittel.`,
    );
    if (objection.reasons?.trim()) paragraph(writer, objection.reasons.trim());

    writeLegalRemedies(writer, 'IV', actionAgainstRemedyInstruction(court));
  } else {
    paragraph(
      writer,
      `1. Ihr Widerspruch vom ${day(objection.at)} gegen den ${objectedLetter} wird zurückgewiesen. Der Bescheid bleibt unverändert bestehen.`,
    );
    writer.row({ de: 'Widerspruchsführer', en: 'Objector' }, organisation.legalName, { bold: true });
    writer.row({ de: 'Projekt', en: 'Project' }, application.title, { bold: true });
    writer.row(
      { de: 'Angefochtener Bescheid', en: 'Decision objected to' },
      objectedTo.outcome === 'approved'
        ? `${objectedLetter}: Zuwendung von bis zu ${euro(objectedTo.grantedCents ?? 0)}`
        : `${objectedLetter}: Ablehnung des Antrags`,
    );
    writer.row({ de: 'Widerspruch erhoben am', en: 'Objection lodged on' }, day(objection.at));
    writer.space(4);

    writer.heading('II. Begründung', 'II. Reasons');
    paragraph(
      writer,
      objectedTo.outcome === 'approved'
        ? `Mit ${objectedLetter} hat die Bewilligungsstelle Ihnen für das Projekt ${quoted(application.title)} eine Zuwendung von bis zu ${euro(objectedTo.grantedCents ?? 0)} bewilligt (beantragt: ${euro(totals.requestedGrantCents)}).`
        : `Mit ${objectedLetter} hat die Bewilligungsstelle Ihren Antrag auf eine Zuwendung für das Projekt ${quoted(application.title)} (beantragt: ${euro(totals.requestedGrantCents)}) abgelehnt.`,
    );
    paragraph(
      writer,
      `Hiergegen haben Sie am ${day(objection.at)} Widerspruch erhoben und ihn wie folgt begründet:`,
    );
    paragraph(writer, quoted(objection.reason.trim()));
    paragraph(
      writer,
      'Der Widerspruch ist zulässig, aber nicht begründet. Die Bewilligungsstelle hat ihre Entscheidung überprüft (§ 68 VwGO); sie ist rechtmäßig und zweckmäßig. Ein Rechtsanspruch auf eine Zuwendung besteht nicht; die Bewilligungsstelle entscheidet nach pflichtgemäßem Ermessen im Rahmen der verfügbaren Haushaltsmittel (§§ 23 und 44 SäHO).',
    );
    if (objection.reasons?.trim()) paragraph(writer, objection.reasons.trim());

    writeLegalRemedies(writer, 'III', actionAgainstDismissalInstruction(court, objectedLetter));
  }

  return finishLetter(doc, writer, { body, kind, reference, issuedAt });
}
