import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { Call } from '../api/schemas/call.schema.ts';
import type { OrganisationProfile } from '../api/schemas/organisation.schema.ts';
import type { Application } from '../domain/application.ts';
import type { ApplicationDocument } from '../domain/document.ts';
import { financeTotals, LEGAL_FORM_NAMES, staffLineCostCents } from '../domain/finance-rules.ts';
import { formatEuro, formatPercent } from '../domain/money.ts';
import type { LocalizedText } from '../http/language.ts';
import type { LetterFonts } from './fonts.ts';
import {
  berlinDateTime,
  documentTypeName,
  FINANCING_TYPE_NAMES,
  formatFileSize,
  germanDate,
  INPUT_TAX_NAMES,
  REGION_NAMES,
  STRAND_NAMES,
  TARGET_GROUP_NAMES,
} from './labels.ts';
import { GREY, LetterWriter } from './pdf-layout.ts';

export interface ApplicationCopyFacts {
  /** The application as submitted: it has its Aktenzeichen and its submission time. */
  application: Application;
  call: Call;
  /** The applying organisation's profile; undefined if it has none. */
  organisation: OrganisationProfile | undefined;
  /** The documents received with it (verified uploads). */
  documents: ApplicationDocument[];
}

const both = (text: LocalizedText) => `${text.de} / ${text.en}`;
const yesNo = (value: boolean | undefined) =>
  value === undefined ? 'keine Angabe / not stated' : value ? 'Ja / Yes' : 'Nein / No';
const euro = (cents: number) => formatEuro(cents, 'de');
const percent = (bps: number | undefined) =>
  bps === undefined ? '–' : `${formatPercent(bps, 'de')} / ${formatPercent(bps, 'en')}`;
const orDash = (text: string | undefined) => (text?.trim() ? text : '–');

/**
 * The PDF copy of an application as it was submitted, which the Eingangsbestätigung carries: the
 * Aktenzeichen and time of receipt, the applicant, the call, the project, the declarations as made,
 * the finance plan with its totals, and the documents received. A4, German with English below.
 *
 * DejaVu Sans is embedded as a subset, so any name in Latin, Cyrillic, Greek, Arabic or Hebrew letters
 * prints (CJK and emoji are not in that font and would print as empty boxes). Pure: the same facts and
 * fonts give the same bytes — the creation date is the submission time, not the rendering time — so a
 * retried task writes exactly what the first try wrote.
 */
export async function renderApplicationCopy(
  facts: ApplicationCopyFacts,
  fonts: LetterFonts,
): Promise<Uint8Array> {
  const { application, call, organisation, documents } = facts;
  const { reference, submittedAt } = application;
  if (!reference || !submittedAt) {
    throw new Error(`application ${application.id} has no reference or submission time yet: nothing to copy`);
  }
  const receivedAt = application.supplementedAt ?? submittedAt;

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const writer = new LetterWriter(doc, {
    regular: await doc.embedFont(fonts.regular, { subset: true }),
    bold: await doc.embedFont(fonts.bold, { subset: true }),
  });
  doc.setTitle(`${reference} – ${application.title}`);
  doc.setSubject('Kopie des eingereichten Antrags / Copy of the application as submitted');
  doc.setAuthor(organisation?.legalName ?? 'foerderflow');
  doc.setCreator('foerderflow');
  doc.setProducer('foerderflow (pdf-lib)');
  doc.setLanguage('de-DE');
  doc.setCreationDate(new Date(receivedAt));
  doc.setModificationDate(new Date(receivedAt));

  // Title block
  writer.lines([
    ...writer.column(
      'Antrag auf Zuwendung – Kopie des Antrags, wie eingereicht',
      writer.bold,
      15,
      writer.contentWidth,
    ),
    ...writer.column(
      'Application for a grant – copy of the application as submitted',
      writer.regular,
      10.5,
      writer.contentWidth,
      GREY,
    ),
    ...writer.column(both(call.programme), writer.regular, 9.5, writer.contentWidth),
  ]);
  writer.space(8);
  writer.row({ de: 'Aktenzeichen', en: 'Reference number' }, reference, { bold: true });
  writer.row(
    { de: 'Eingegangen am (Europe/Berlin)', en: 'Received on (Europe/Berlin)' },
    `${berlinDateTime(submittedAt, 'de')} / ${berlinDateTime(submittedAt, 'en')}`,
  );
  if (application.supplementedAt) {
    writer.row(
      { de: 'Nachgereicht am (Europe/Berlin)', en: 'Supplemented on (Europe/Berlin)' },
      `${berlinDateTime(application.supplementedAt, 'de')} / ${berlinDateTime(application.supplementedAt, 'en')}`,
    );
  }
  writer.row({ de: 'Eingereicht von', en: 'Submitted by' }, orDash(application.contactEmail));

  // Applicant
  writer.heading('1. Antragsteller', '1. Applicant');
  if (!organisation) {
    writer.row({ de: 'Organisation', en: 'Organisation' }, 'Kein Profil angelegt / No profile entered');
  } else {
    writer.row({ de: 'Name', en: 'Legal name' }, organisation.legalName, { bold: true });
    writer.row({ de: 'Rechtsform', en: 'Legal form' }, both(LEGAL_FORM_NAMES[organisation.legalForm]));
    writer.row(
      { de: 'Registereintrag', en: 'Register entry' },
      organisation.register?.number || organisation.register?.court
        ? [organisation.register?.court, organisation.register?.number].filter(Boolean).join(', ')
        : '–',
    );
    const address = organisation.address;
    writer.row(
      { de: 'Anschrift', en: 'Address' },
      address
        ? [address.street, [address.postalCode, address.city].filter(Boolean).join(' ')]
            .filter(Boolean)
            .join('\n')
        : '–',
    );
    const representative = organisation.representative;
    writer.row(
      { de: 'Vertretungsberechtigte Person', en: 'Legal representative' },
      representative?.name
        ? `${representative.name}${representative.function ? ` (${representative.function})` : ''}`
        : '–',
    );
    writer.row(
      { de: 'Gemeinnützigkeit', en: 'Non-profit status' },
      organisation.nonProfit === undefined
        ? 'keine Angabe / not stated'
        : organisation.nonProfit.recognised
          ? `anerkannt / recognised${
              organisation.nonProfit.exemptionNoticeDate
                ? ` (Freistellungsbescheid vom / exemption notice of ${germanDate(organisation.nonProfit.exemptionNoticeDate)})`
                : ''
            }`
          : 'nicht anerkannt / not recognised',
    );
    writer.row(
      { de: 'Bankverbindung', en: 'Bank account' },
      organisation.iban
        ? `IBAN ${organisation.iban.replace(/(.{4})/g, '$1 ').trim()}${organisation.bic ? `, BIC ${organisation.bic}` : ''}`
        : '–',
    );
    writer.row({ de: 'E-Mail für Rückfragen', en: 'Contact email' }, orDash(organisation.contactEmail));
  }

  // Call
  writer.heading('2. Förderaufruf', '2. Call for proposals');
  writer.row({ de: 'Aufruf', en: 'Call' }, both(call.title));
  writer.row({ de: 'Förderbereich', en: 'Strand' }, both(STRAND_NAMES[call.strand]));
  writer.row(
    { de: 'Finanzierungsart', en: 'Financing type' },
    both(FINANCING_TYPE_NAMES[call.financingType]),
  );

  // Project
  writer.heading('3. Projekt', '3. Project');
  writer.row({ de: 'Titel', en: 'Title' }, application.title, { bold: true });
  writer.row({ de: 'Kurzbeschreibung', en: 'Summary' }, orDash(application.summary));
  writer.row(
    { de: 'Zielgruppen', en: 'Target groups' },
    application.targetGroups?.length
      ? application.targetGroups.map((group) => both(TARGET_GROUP_NAMES[group])).join('\n')
      : '–',
  );
  writer.row(
    { de: 'Region', en: 'Region' },
    application.region ? both(REGION_NAMES[application.region]) : '–',
  );
  const period = application.projectPeriod;
  writer.row(
    { de: 'Projektzeitraum', en: 'Project period' },
    period?.start || period?.end
      ? `${period.start ? germanDate(period.start) : '?'} – ${period.end ? germanDate(period.end) : '?'}`
      : '–',
  );

  // Declarations, as the applicant made them
  writer.heading('4. Erklärungen', '4. Declarations');
  const declarations = application.declarations ?? {};
  writer.row(
    {
      de: 'Das Projekt hat noch nicht begonnen; kein Vertrag dafür ist geschlossen',
      en: 'The project has not started; no contract for it has been signed',
    },
    yesNo(declarations.notStartedYet),
  );
  writer.row(
    { de: 'Vorzeitiger Maßnahmebeginn beantragt', en: 'Early start requested' },
    yesNo(declarations.earlyStartRequested),
  );
  if (declarations.earlyStartReason) {
    writer.row(
      { de: 'Begründung des vorzeitigen Beginns', en: 'Reason for the early start' },
      declarations.earlyStartReason,
    );
  }
  writer.row(
    {
      de: 'Subventionserhebliche Tatsachen (§ 264 StGB) zur Kenntnis genommen',
      en: 'Subsidy-relevant facts (§ 264 StGB) acknowledged',
    },
    yesNo(declarations.subsidyFactsAcknowledged),
  );
  writer.row(
    {
      de: 'De-minimis-Beihilfen in diesem und den zwei Vorjahren erhalten',
      en: 'De-minimis aid received this year and in the two previous years',
    },
    yesNo(declarations.deMinimisReceived),
  );
  if (declarations.deMinimisAmountCents !== undefined) {
    writer.row(
      { de: 'Höhe der De-minimis-Beihilfen', en: 'Amount of de-minimis aid' },
      euro(declarations.deMinimisAmountCents),
    );
  }
  writer.row(
    { de: 'Vorsteuerabzug', en: 'Input tax deduction' },
    declarations.inputTaxDeduction
      ? both(INPUT_TAX_NAMES[declarations.inputTaxDeduction])
      : 'keine Angabe / not stated',
  );
  writer.row(
    {
      de: 'Einwilligung in die elektronische Bekanntgabe über das Portal (§ 41 Abs. 2a VwVfG)',
      en: 'Consent to electronic notification through the portal (§ 41 (2a) VwVfG)',
    },
    yesNo(declarations.electronicNotificationConsent),
  );

  // Finance plan
  writer.heading('5. Kosten- und Finanzierungsplan', '5. Cost and financing plan');
  const plan = application.financePlan;
  const totals = financeTotals(plan, call.rules.adminFlatRateBps);
  const line = (item: string, details: string, cents: number, emphasis = false) => ({
    cells: [item, details, euro(cents)],
    emphasis,
  });
  const rows: { cells: string[]; emphasis?: boolean }[] = [];
  for (const staff of plan?.staff ?? []) {
    rows.push(
      line(
        `Personal / Staff: ${staff.role}`,
        `${staff.payGrade}, ${formatPercent(staff.hoursShareBps, 'de')} Stelle / of full time, ${staff.months} Monate / months à ${euro(staff.monthlyFullTimeCents)}`,
        staffLineCostCents(staff),
      ),
    );
  }
  for (const material of plan?.material ?? []) {
    rows.push(line(`Sachausgaben / Material: ${material.description}`, '', material.amountCents));
  }
  for (const fee of plan?.fees ?? []) {
    rows.push(line(`Honorare / Fees: ${fee.description}`, '', fee.amountCents));
  }
  rows.push(line('Direkte Ausgaben / Direct costs', '', totals.directCostsCents, true));
  if (plan?.claimsAdminFlatRate) {
    rows.push(
      line(
        'Verwaltungskostenpauschale / Admin flat rate',
        `${formatPercent(call.rules.adminFlatRateBps, 'de')} der direkten Ausgaben / of direct costs`,
        totals.adminFlatRateCents,
      ),
    );
  }
  rows.push(line('Gesamtausgaben / Total costs', '', totals.totalCostsCents, true));
  rows.push(line('Eigenanteil / Own contribution', '', totals.ownContributionCents));
  for (const funds of plan?.thirdParty ?? []) {
    rows.push(
      line(
        `Drittmittel / Third-party funds: ${funds.source}`,
        funds.status === 'granted' ? 'bewilligt / granted' : 'beantragt / applied for',
        funds.amountCents,
      ),
    );
  }
  rows.push(line('Beantragte Zuwendung / Requested grant', '', totals.requestedGrantCents, true));
  rows.push(line('Gesamtfinanzierung / Total financing', '', totals.totalFinancingCents, true));
  writer.table(
    [
      { de: 'Position', en: 'Item', share: 5 },
      { de: 'Angaben', en: 'Details', share: 4 },
      { de: 'Betrag', en: 'Amount', share: 2, align: 'right' },
    ],
    rows,
  );
  writer.space(6);
  writer.row({ de: 'Förderquote', en: 'Funding rate' }, percent(totals.fundingRateBps));
  writer.row(
    { de: 'Eigenanteil an den Gesamtausgaben', en: 'Own share of total costs' },
    percent(totals.ownShareBps),
  );
  if (plan?.perYear?.length) {
    writer.row(
      { de: 'Ausgaben nach Jahren', en: 'Costs by year' },
      plan.perYear.map((year) => `${year.year}: ${euro(year.amountCents)}`).join('\n'),
    );
  }

  // Documents received
  writer.heading('6. Eingegangene Unterlagen', '6. Documents received');
  if (documents.length === 0) {
    writer.lines(writer.column('Keine Unterlagen / No documents', writer.regular, 10, writer.contentWidth));
  } else {
    writer.table(
      [
        { de: 'Datei', en: 'File', share: 5 },
        { de: 'Art', en: 'Type', share: 4 },
        { de: 'Größe', en: 'Size', share: 2, align: 'right' },
      ],
      documents.map((document) => ({
        cells: [
          document.fileName,
          both(documentTypeName(call, document.type)),
          formatFileSize(document.size, 'de'),
        ],
      })),
    );
  }

  writer.footers(
    (page, pages) =>
      `Aktenzeichen / Reference ${reference} · Seite ${page} von ${pages} / Page ${page} of ${pages}`,
  );
  return doc.save();
}
