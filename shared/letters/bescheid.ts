import type { Call } from '../api/schemas/call.schema.ts';
import type { OrganisationProfile } from '../api/schemas/organisation.schema.ts';
import type { Application } from '../domain/application.ts';
import type { Decision, Letter } from '../domain/decision.ts';
import { financeTotals } from '../domain/finance-rules.ts';
import { FULL_BPS, formatPercent, mulDivFloor } from '../domain/money.ts';
import type { LetterFonts } from './fonts.ts';
import { FINANCING_TYPE_NAMES, germanDate } from './labels.ts';
import {
  beginLetter,
  day,
  euro,
  FUNDING_BODY,
  type FundingBody,
  finishLetter,
  numbered,
  objectionInstruction,
  paragraph,
  quoted,
  writeLegalRemedies,
} from './letter-blocks.ts';

export interface BescheidFacts {
  /** The decided application: it has its Aktenzeichen and its decision. */
  application: Application;
  call: Pick<Call, 'programme' | 'title' | 'financingType' | 'rules'>;
  /** The recipient: the applying organisation's profile (name and postal address). */
  organisation: OrganisationProfile;
  /** The letter's date (an instant; the letter shows its calendar day in Berlin). */
  issuedAt: string;
  fundingBody?: FundingBody;
}

/** Which letter a decision gets: the Zuwendungsbescheid for an approval, else the Ablehnungsbescheid. */
export function letterKindOf(decision: Pick<Decision, 'outcome'>): Letter['kind'] {
  return decision.outcome === 'approved' ? 'zuwendungsbescheid' : 'ablehnungsbescheid';
}

/**
 * The Bescheid on a decided application, as a PDF (A4, German: the legal document; section headings
 * carry an English line for orientation): letterhead of the funding body, Aktenzeichen and date,
 * recipient, subject, the operative part (project, purpose, funding period, amount and financing
 * type — or the rejection), its legal basis, the Nebenbestimmungen (ANBest-P and the approver's
 * conditions), the reasons, how electronic notification works (§ 41 (2a) VwVfG) and the
 * Rechtsbehelfsbelehrung (Widerspruch within one month).
 *
 * Set in embedded DejaVu Sans like the application copy, so names in Latin, Cyrillic, Greek, Arabic or
 * Hebrew letters print. Pure and deterministic: the PDF's dates are the letter date, so a retried task
 * writes the same bytes.
 */
export async function renderBescheid(facts: BescheidFacts, fonts: LetterFonts): Promise<Uint8Array> {
  const { application, call, organisation, issuedAt } = facts;
  const body = facts.fundingBody ?? FUNDING_BODY;
  const { reference, decision } = application;
  if (!reference || !decision) {
    throw new Error(`application ${application.id} has no reference or no decision: no Bescheid to write`);
  }
  const approved = decision.outcome === 'approved';
  const kind = approved ? 'Zuwendungsbescheid' : 'Ablehnungsbescheid';

  const submitted = application.submittedAt ? ` vom ${day(application.submittedAt)}` : '';
  const { doc, writer } = await beginLetter(fonts, {
    body,
    organisation,
    reference,
    issuedAt,
    kind,
    kindEn: approved ? 'Notice of grant' : 'Notice of rejection',
    about: application.title,
    betreff: `Ihr Antrag${submitted} auf Gewährung einer Zuwendung nach der ${call.programme.de} – Aufruf ${quoted(call.title.de)} – Projekt ${quoted(application.title)}`,
    intro: `auf Ihren Antrag${submitted} ergeht folgender Bescheid:`,
  });

  const totals = financeTotals(application.financePlan, call.rules.adminFlatRateBps);
  const period = application.projectPeriod;
  const periodText =
    period?.start && period.end ? `${germanDate(period.start)} bis ${germanDate(period.end)}` : undefined;
  const financingType = decision.financingType ?? call.financingType;

  // I. The operative part (Tenor)
  writer.heading('I. Entscheidung', 'I. Decision');
  if (approved) {
    const granted = decision.grantedCents ?? 0;
    paragraph(
      writer,
      `Für das nachstehend bezeichnete Projekt wird Ihnen eine Zuwendung als Projektförderung in Form eines nicht rückzahlbaren Zuschusses in Höhe von bis zu ${euro(granted)} bewilligt.`,
    );
    writer.row({ de: 'Zuwendungsempfänger', en: 'Recipient' }, organisation.legalName, { bold: true });
    writer.row({ de: 'Projekt', en: 'Project' }, application.title, { bold: true });
    writer.row(
      { de: 'Zuwendungszweck', en: 'Purpose of the grant' },
      application.summary?.trim()
        ? `Durchführung des Projekts ${quoted(application.title)}: ${application.summary.trim()}`
        : `Durchführung des Projekts ${quoted(application.title)} nach Maßgabe Ihres Antrags.`,
    );
    writer.row({ de: 'Bewilligungszeitraum', en: 'Funding period' }, periodText ?? 'wie im Antrag angegeben');
    writer.row(
      { de: 'Zuwendungsfähige Gesamtausgaben', en: 'Eligible total costs' },
      euro(totals.totalCostsCents),
    );
    writer.row(
      { de: 'Finanzierungsart', en: 'Financing type' },
      financingText(financingType, granted, totals.totalCostsCents),
    );
    writer.row({ de: 'Höhe der Zuwendung', en: 'Amount granted' }, `bis zu ${euro(granted)}`, { bold: true });
    writer.row({ de: 'Beantragt', en: 'Requested' }, euro(totals.requestedGrantCents));
    writer.space(4);
    paragraph(
      writer,
      'Der Finanzierungsplan Ihres Antrags ist in der Gesamtsumme verbindlich. Die Zuwendung wird auf Anforderung ausgezahlt (Mittelabruf), soweit sie für fällige Zahlungen benötigt wird. Die Verwendung ist nach Maßgabe der ANBest-P nachzuweisen (Verwendungsnachweis mit Sachbericht und zahlenmäßigem Nachweis).',
    );
  } else {
    paragraph(
      writer,
      `Ihr Antrag auf Gewährung einer Zuwendung für das Projekt ${quoted(application.title)} wird abgelehnt.`,
    );
    writer.row({ de: 'Antragsteller', en: 'Applicant' }, organisation.legalName, { bold: true });
    writer.row({ de: 'Projekt', en: 'Project' }, application.title, { bold: true });
    if (application.summary?.trim()) {
      writer.row({ de: 'Vorhaben', en: 'Project purpose' }, application.summary.trim());
    }
    if (periodText) writer.row({ de: 'Beantragter Zeitraum', en: 'Period applied for' }, periodText);
    writer.row({ de: 'Beantragte Zuwendung', en: 'Grant requested' }, euro(totals.requestedGrantCents));
  }

  // II. Legal basis
  writer.heading('II. Rechtsgrundlagen', 'II. Legal basis');
  paragraph(
    writer,
    `Dieser Bescheid ergeht auf Grundlage der §§ 23 und 44 der Sächsischen Haushaltsordnung (SäHO) und der Verwaltungsvorschriften hierzu sowie der ${call.programme.de} in der jeweils geltenden Fassung. Ein Rechtsanspruch auf die Gewährung einer Zuwendung besteht nicht; die Bewilligungsstelle entscheidet nach pflichtgemäßem Ermessen im Rahmen der verfügbaren Haushaltsmittel.`,
  );

  // III. Nebenbestimmungen (approval only)
  let next = 3;
  const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
  const nextNumeral = () => {
    const numeral = roman[next - 1] ?? String(next);
    next += 1;
    return numeral;
  };
  const section = (de: string, en: string) => {
    const numeral = nextNumeral();
    writer.heading(`${numeral}. ${de}`, `${numeral}. ${en}`);
  };
  if (approved) {
    section('Nebenbestimmungen', 'Conditions');
    const conditions = [
      'Die Allgemeinen Nebenbestimmungen für Zuwendungen zur Projektförderung (ANBest-P) in der zum Zeitpunkt dieses Bescheids geltenden Fassung werden Bestandteil dieses Bescheids, soweit im Folgenden nichts Abweichendes bestimmt ist.',
      ...decision.conditions.map((condition) => condition.trim()).filter(Boolean),
    ];
    numbered(writer, conditions);
    writer.space(4);
  }

  // Reasons (Begründung)
  section('Begründung', 'Reasons');
  for (const reason of reasonsOf(decision, application, totals.requestedGrantCents, call.title.de)) {
    paragraph(writer, reason);
  }

  // Electronic notification (§ 41 (2a) VwVfG)
  section('Hinweis zur Bekanntgabe', 'How this notice is served');
  paragraph(
    writer,
    'Mit Ihrer Einwilligung wird Ihnen dieser Bescheid elektronisch bekannt gegeben, indem er im Förderportal zum Abruf bereitgestellt wird (§ 1 SächsVwVfZG in Verbindung mit § 41 Abs. 2a VwVfG). Er gilt am Tag nach dem ersten Abruf als bekannt gegeben. Wird er nicht innerhalb von zehn Tagen nach Absendung der Benachrichtigung über die Bereitstellung abgerufen, ist die Bekanntgabe nicht bewirkt; die Bewilligungsstelle gibt ihn dann auf anderem Wege bekannt.',
  );

  writeLegalRemedies(writer, nextNumeral(), objectionInstruction(body));

  return finishLetter(doc, writer, { body, kind, reference, issuedAt });
}

/** The financing type as the Bescheid states it; for Anteilfinanzierung with its rate of the costs. */
export function financingText(
  type: Call['financingType'],
  grantedCents: number,
  totalCostsCents: number,
): string {
  const name = FINANCING_TYPE_NAMES[type].de;
  switch (type) {
    case 'partial': {
      // Floored, so rate × eligible costs never exceeds the amount granted.
      const rate = totalCostsCents > 0 ? mulDivFloor(grantedCents, FULL_BPS, totalCostsCents) : 0;
      return `${name} in Höhe von ${formatPercent(rate, 'de')} der zuwendungsfähigen Ausgaben, höchstens ${euro(grantedCents)}`;
    }
    case 'deficit':
      return `${name}: Deckung des Fehlbedarfs, der nach Einsatz der Eigen- und Drittmittel verbleibt, höchstens ${euro(grantedCents)}; Minderausgaben und Mehreinnahmen verringern die Zuwendung`;
    case 'fixed':
      return `${name}: Festbetrag von ${euro(grantedCents)}`;
    case 'full':
      return `${name}: die zuwendungsfähigen Ausgaben, höchstens ${euro(grantedCents)}`;
  }
}

/** The paragraphs of the Begründung. */
function reasonsOf(
  decision: Decision,
  application: Application,
  requestedCents: number,
  callTitle: string,
): string[] {
  const own = decision.reasons?.trim() ? [decision.reasons.trim()] : [];
  const discretion =
    'Die Gewährung von Zuwendungen liegt im pflichtgemäßen Ermessen der Bewilligungsstelle und ist nur im Rahmen der verfügbaren Haushaltsmittel möglich.';
  if (decision.outcome === 'rejected') {
    if (decision.rejectionGround === 'lack-of-funds') {
      return [
        `${discretion} Die Anträge zum Aufruf ${quoted(callTitle)} wurden nach den veröffentlichten Bewertungskriterien begutachtet und in eine Rangfolge gebracht. Die verfügbaren Haushaltsmittel reichen nur für die Anträge oberhalb der Förderlinie; Ihr Antrag liegt darunter. Aus diesem Grund kann ihm nicht entsprochen werden, auch wenn er förderfähig ist.`,
        ...own,
      ];
    }
    return [
      `Ihr Antrag zum Projekt ${quoted(application.title)} wurde inhaltlich und finanziell begutachtet. ${discretion} Der Antrag wird aus den folgenden Gründen abgelehnt:`,
      ...(own.length ? own : ['(Keine weiteren Gründe angegeben.)']),
    ];
  }
  const granted = decision.grantedCents ?? 0;
  if (granted < requestedCents) {
    return [
      `Abweichend von Ihrem Antrag (beantragt: ${euro(requestedCents)}) wird eine Zuwendung von bis zu ${euro(granted)} bewilligt. ${discretion}`,
      ...own,
    ];
  }
  return [
    `Ihrem Antrag wird in vollem Umfang entsprochen. Einer weiteren Begründung bedarf es insoweit nicht (§ 39 Abs. 2 Nr. 1 VwVfG). ${discretion}`,
    ...own,
  ];
}
