import { randomUUID } from 'node:crypto';
import {
  type CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type {
  ContentAssessmentBody,
  FinancialAssessmentBody,
} from '../../shared/api/schemas/assessment.schema.ts';
import type { CallView } from '../../shared/api/schemas/call.schema.ts';
import type { DraftContent, FinancePlan } from '../../shared/api/schemas/draft.schema.ts';
import { staffLineCostCents } from '../../shared/domain/finance-rules.ts';
import { lastDayOfMonths } from '../../shared/domain/project-period.ts';
import { DEMO_ORGS, DEMO_PASSWORD } from './seed.ts';

/**
 * The demo's applications, made the way users make them: through the HTTP API of the running stack,
 * with the workflows doing their part (intake, reviewer assignment, assessment summary, Bescheid). So
 * what `npm start` shows is what the product really does — nothing here writes to the table.
 *
 * - Lena Krause (Begegnungszentrum Sonnenberg, Chemnitz): a half-filled draft in the competitive
 *   strand-B call (plan without financing, declarations open, one of three documents uploaded).
 * - Jonas Weber (Bildungswerk Lausitz, Bautzen): submitted in the strand-C call, IN_REVIEW, with both
 *   demo reviewers assigned by the intake and nothing declared yet.
 * - Amira Haddad (Interkulturelles Netzwerk Leipzig): strand C, assessed by both reviewers (no conflict,
 *   every rubric criterion scored, every cost line checked): ASSESSED, waiting for the approver.
 * - Lena Krause again (Sonnenberg): strand C, assessed and approved by Dr. Ines Vogel with two
 *   conditions; the decision workflow has issued the Zuwendungsbescheid (not retrieved yet, so the
 *   applicant's first download is the notification).
 */

export interface DemoApplicationsOptions {
  apiUrl: string;
  /** The local control server: its drain waits for the workflows. */
  controlUrl: string;
  cognito: { client: CognitoIdentityProviderClient; userPoolClientId: string };
  /** The seeded demo accounts (seed.ts DEMO_USERS); all have DEMO_PASSWORD. */
  users: readonly { email: string; name: string }[];
}

export interface DemoApplication {
  id: string;
  title: string;
  status: string;
  reference?: string;
  /** Who made it, by name. */
  applicant: string;
}

export type DemoApplicationsResult =
  | { skipped: true; reason: string }
  | { skipped: false; applications: DemoApplication[] };

const EMAILS = {
  amira: 'amira.haddad@example.org',
  jonas: 'jonas.weber@example.org',
  lena: 'lena.krause@example.org',
  petra: 'petra.schulz@example.org',
  tobias: 'tobias.kranz@example.org',
  ines: 'ines.vogel@example.org',
} as const;
type Account = keyof typeof EMAILS;

const [LEIPZIG, LAUSITZ, SONNENBERG] = DEMO_ORGS;

/** Where an application has to go: the steps after the draft are the same for each, up to `until`. */
type Target = 'DRAFT' | 'IN_REVIEW' | 'ASSESSED' | 'APPROVED';

interface Scenario {
  applicant: Account;
  orgId: string;
  strand: 'B' | 'C';
  title: string;
  target: Target;
  /** The draft content without the dates: they follow the call's project period. */
  content: (period: { start: string; end: (months: number) => string }) => Omit<DraftContent, 'title'>;
  /** Mandatory document types to upload; all of the call's when absent. */
  documents?: string[];
  /** Content scores by rubric criterion (0–5); 3 for a criterion not named. */
  scores?: Record<string, number>;
  assessments?: { content: string; financial: string };
  decision?: { conditions: string[] };
}

const DECLARATIONS = {
  notStartedYet: true,
  earlyStartRequested: false,
  subsidyFactsAcknowledged: true,
  deMinimisReceived: false,
  inputTaxDeduction: 'none',
  electronicNotificationConsent: true,
} as const;

/**
 * Realistic small projects: TV-L pay grades with an employer's gross of a full-time month, rent,
 * material and fees with what they are for, the 10 % admin flat rate, and an own share just above 5 %.
 * Each strand-C plan stays under €15,000 and 95 % of the total costs (checked by the API on submit).
 */
const SCENARIOS: Scenario[] = [
  {
    // Submitted first, so it carries the call's first Aktenzeichen.
    applicant: 'lena',
    orgId: SONNENBERG.id,
    strand: 'C',
    title: 'Sprachcafé am Lessingplatz',
    target: 'APPROVED',
    content: ({ start, end }) => ({
      summary:
        'Wöchentliches Sprachcafé im Stadtteiltreff am Lessingplatz (Chemnitz-Sonnenberg): Neuzugewanderte üben Alltagsdeutsch mit ehrenamtlichen Gesprächspartnerinnen und -partnern aus der Nachbarschaft, begleitet von einer Kursleiterin. Parallel Kinderbetreuung, damit auch Mütter teilnehmen können. Handlungsfelder des ZIK II: Sprache sowie gesellschaftliche Teilhabe und Zusammenhalt im Sozialraum.',
      targetGroups: ['neuzugewanderte', 'frauen', 'ehrenamtliche'],
      region: 'chemnitz',
      projectPeriod: { start, end: end(12) },
      declarations: DECLARATIONS,
      financePlan: {
        staff: [
          {
            id: 'koordination',
            role: 'Koordination Sprachcafé und Ehrenamtliche (TV-L E8)',
            payGrade: 'E8',
            hoursShareBps: 1000,
            months: 12,
            monthlyFullTimeCents: 455_000,
          },
        ],
        material: [
          { id: 'miete', description: 'Raummiete Stadtteiltreff, 48 Abende × 25 €', amountCents: 120_000 },
          { id: 'lernmaterial', description: 'Lernmaterial, Bildwörterbücher, Spiele', amountCents: 40_000 },
        ],
        fees: [
          {
            id: 'kursleitung',
            description: 'Honorar Kursleitung Deutsch, 48 Abende × 2 UE × 40 €',
            amountCents: 384_000,
          },
        ],
        claimsAdminFlatRate: true,
        ownContributionCents: 60_000,
        // Total costs 11,990.00 € (direct 10,900.00 € + 10 % flat rate): 95 % would be 11,390.50 €.
        requestedGrantCents: 1_139_000,
      },
    }),
    scores: {
      'relevanz-zik': 4,
      zielgruppe: 5,
      konzept: 4,
      vernetzung: 4,
      nachhaltigkeit: 3,
      wirtschaftlichkeit: 4,
    },
    assessments: {
      content:
        'Niedrigschwelliges, gut erreichbares Angebot im Quartier; die Kinderbetreuung öffnet es für Mütter. Ehrenamtliche aus der Nachbarschaft stärken den Zusammenhalt im Sozialraum.',
      financial:
        'Alle Positionen zuwendungsfähig und angemessen; Honorarsatz für Kursleitung marktüblich, Eigenanteil über 5 %.',
    },
    decision: {
      conditions: [
        'Die Teilnahmelisten der Sprachcafé-Abende sind mit dem Sachbericht vorzulegen.',
        'In der Öffentlichkeitsarbeit ist auf die Förderung durch den Freistaat Sachsen hinzuweisen.',
      ],
    },
  },
  {
    applicant: 'amira',
    orgId: LEIPZIG.id,
    strand: 'C',
    title: 'Elterncafé International im Leipziger Osten',
    target: 'ASSESSED',
    content: ({ start, end }) => ({
      summary:
        'Monatlich zwei Elterncafés in den Vereinsräumen an der Eisenbahnstraße (Leipziger Osten) für zugewanderte Eltern von Kita- und Grundschulkindern: Fachleute aus Kita, Schule und Jugendamt erklären das Bildungssystem, Sprachmittlerinnen übersetzen ins Arabische und Dari. Handlungsfelder des ZIK II: frühkindliche und schulische Bildung, Beteiligung von Migrantinnen und Migranten.',
      targetGroups: ['eltern', 'neuzugewanderte', 'gefluechtete'],
      region: 'leipzig',
      projectPeriod: { start, end: end(12) },
      declarations: DECLARATIONS,
      financePlan: {
        staff: [
          {
            id: 'leitung',
            role: 'Projektleitung Sozialpädagogik (TV-L E9)',
            payGrade: 'E9',
            hoursShareBps: 1500,
            months: 12,
            monthlyFullTimeCents: 495_000,
          },
        ],
        material: [
          { id: 'miete', description: 'Raummiete Vereinsräume, 12 Monate × 80 €', amountCents: 96_000 },
          {
            id: 'spielmaterial',
            description: 'Spiel- und Bastelmaterial Kinderbetreuung',
            amountCents: 25_000,
          },
          { id: 'druck', description: 'Einladungen in fünf Sprachen (Druck)', amountCents: 12_000 },
        ],
        fees: [
          {
            id: 'sprachmittlung',
            description: 'Honorar Sprachmittlung Arabisch/Dari, 30 Termine × 2 Std. × 35 €',
            amountCents: 210_000,
          },
          {
            id: 'vortraege',
            description: 'Honorare Fachvorträge Kita und Schule, 6 × 150 €',
            amountCents: 90_000,
          },
        ],
        claimsAdminFlatRate: true,
        ownContributionCents: 80_000,
        // Total costs 14,564.00 € (direct 13,240.00 € + 10 % flat rate): 95 % would be 13,835.80 €.
        requestedGrantCents: 1_376_400,
      },
    }),
    scores: {
      'relevanz-zik': 5,
      zielgruppe: 4,
      konzept: 4,
      vernetzung: 5,
      nachhaltigkeit: 3,
      wirtschaftlichkeit: 4,
    },
    assessments: {
      content:
        'Klarer Bezug zu Bildung und Beteiligung; die Kooperation mit Kitas und Schulen im Leipziger Osten ist belegt. Nachhaltigkeit nach Förderende noch offen (Übergabe an Elternbeirat angedacht).',
      financial:
        'Kostenansätze plausibel, Entgeltgruppe E9 für sozialpädagogische Projektleitung angemessen; Eigenanteil und Pauschale korrekt.',
    },
  },
  {
    applicant: 'jonas',
    orgId: LAUSITZ.id,
    strand: 'C',
    title: 'Deutsch im Betrieb – Sprachpatenschaften im Bautzener Handwerk',
    target: 'IN_REVIEW',
    content: ({ start, end }) => ({
      summary:
        'Zugewanderte Auszubildende und Beschäftigte in Bautzener Handwerksbetrieben lernen berufsbezogenes Deutsch in Kleingruppen; erfahrene Gesellinnen und Gesellen begleiten sie als Sprachpaten im Betrieb. Handlungsfelder des ZIK II: Sprache und Arbeitsmarktintegration.',
      targetGroups: ['neuzugewanderte', 'arbeitsuchende', 'aufnahmegesellschaft'],
      region: 'bautzen',
      projectPeriod: { start, end: end(10) },
      declarations: DECLARATIONS,
      financePlan: {
        staff: [
          {
            id: 'koordination',
            role: 'Projektkoordination und Betriebskontakte (TV-L E10)',
            payGrade: 'E10',
            hoursShareBps: 1500,
            months: 10,
            monthlyFullTimeCents: 520_000,
          },
        ],
        material: [
          {
            id: 'miete',
            description: 'Raummiete Schulungsraum Bautzen, 10 Monate × 120 €',
            amountCents: 120_000,
          },
          {
            id: 'lehrmaterial',
            description: 'Lehrbücher und Arbeitshefte Deutsch für den Beruf',
            amountCents: 45_000,
          },
        ],
        fees: [
          {
            id: 'lehrkraft',
            description: 'Honorar Sprachlehrkraft, 40 Termine × 2 UE × 45 €',
            amountCents: 360_000,
          },
        ],
        claimsAdminFlatRate: true,
        ownContributionCents: 75_000,
        // Total costs 14,355.00 € (direct 13,050.00 € + 10 % flat rate): 95 % would be 13,637.25 €.
        requestedGrantCents: 1_360_500,
      },
    }),
  },
  {
    applicant: 'lena',
    orgId: SONNENBERG.id,
    strand: 'B',
    title: 'Stadtteilmütter auf dem Sonnenberg',
    target: 'DRAFT',
    // Half done: the costs are planned, the financing, the declarations and two documents are not.
    content: ({ start, end }) => ({
      summary:
        'Frauen mit eigener Migrationsgeschichte werden zu Stadtteilmüttern qualifiziert und begleiten neu zugewanderte Familien auf dem Chemnitzer Sonnenberg zu Kita, Schule, Ärztinnen und Ämtern.',
      targetGroups: ['frauen', 'eltern', 'neuzugewanderte'],
      region: 'chemnitz',
      projectPeriod: { start, end: end(12) },
      financePlan: {
        staff: [
          {
            id: 'koordination',
            role: 'Koordination Stadtteilmütter (TV-L E9)',
            payGrade: 'E9',
            hoursShareBps: 5000,
            months: 12,
            monthlyFullTimeCents: 495_000,
          },
        ],
        material: [
          { id: 'miete', description: 'Büro- und Beratungsraum, 12 Monate × 350 €', amountCents: 420_000 },
        ],
        fees: [
          {
            id: 'qualifizierung',
            description: 'Qualifizierung der Stadtteilmütter, 10 Module × 400 €',
            amountCents: 400_000,
          },
        ],
        claimsAdminFlatRate: true,
      },
    }),
    documents: ['satzung'],
  },
];

/** File names of the uploads, by required-document id. */
const FILE_NAMES: Record<string, string> = {
  satzung: 'Satzung.pdf',
  freistellungsbescheid: 'Freistellungsbescheid Finanzamt.pdf',
  projektbeschreibung: 'Projektbeschreibung.pdf',
  projektkonzept: 'Projektkonzept.pdf',
};

/**
 * Creates the demo applications unless the demo applicants already have applications (a second
 * `npm start` on the same data, or a demo someone has been clicking through): then it does nothing.
 * Fails on the first refused request, naming it; what was made until then stays (`npm run reset`).
 */
export async function seedDemoApplications(
  options: DemoApplicationsOptions,
): Promise<DemoApplicationsResult> {
  const client = apiClient(options.apiUrl);
  const tokens = Object.fromEntries(
    await Promise.all(
      (Object.keys(EMAILS) as Account[]).map(async (account) => [account, await signIn(options, account)]),
    ),
  ) as Record<Account, string>;

  for (const account of ['amira', 'jonas', 'lena'] as const) {
    const { items } = await client.call<{ items: unknown[] }>(
      200,
      'GET',
      '/api/applications',
      tokens[account],
    );
    if (items.length > 0)
      return { skipped: true, reason: `${EMAILS[account]} already has ${items.length} application(s)` };
  }

  const { items: calls } = await client.call<{ items: CallView[] }>(200, 'GET', '/api/calls');
  const callOf = (strand: 'B' | 'C') => {
    const call = calls.find(
      (c) => c.phase === 'open' && new RegExp(`^im-\\d{4}-${strand.toLowerCase()}$`).test(c.id),
    );
    if (!call) throw new Error(`no open demo call of strand ${strand} (npm run reset seeds fresh ones)`);
    return call;
  };

  // Drafts, content and documents in parallel; submitted one after another in the list's order, so
  // the Aktenzeichen follow it.
  const drafts = await Promise.all(
    SCENARIOS.map(async (scenario) => {
      const call = callOf(scenario.strand);
      const token = tokens[scenario.applicant];
      const created = await client.call<{ id: string; version: number }>(
        201,
        'POST',
        '/api/applications',
        token,
        {
          orgId: scenario.orgId,
          callId: call.id,
          title: scenario.title,
        },
      );
      const start = call.projectPeriod.earliestStart;
      const content = scenario.content({ start, end: (months) => lastDayOfMonths(start, months) });
      await client.call(200, 'PATCH', `/api/applications/${created.id}`, token, content, {
        'if-match': `"${created.version}"`,
      });
      const organisation = DEMO_ORGS.find((org) => org.id === scenario.orgId)?.legalName ?? '';
      const types = scenario.documents ?? call.requiredDocuments.filter((d) => d.mandatory).map((d) => d.id);
      for (const type of types) {
        const label = call.requiredDocuments.find((d) => d.id === type)?.label.de ?? type;
        await uploadDocument(
          client,
          token,
          created.id,
          type,
          await aPdf(label, organisation, scenario.title),
        );
      }
      return { scenario, call, id: created.id, plan: content.financePlan };
    }),
  );
  for (const draft of drafts) {
    if (draft.scenario.target === 'DRAFT') continue;
    await client.call(202, 'POST', `/api/applications/${draft.id}/submit`, tokens[draft.scenario.applicant]);
  }
  // The intake: Aktenzeichen, completeness check, receipt, both reviewers assigned by workload.
  await drainWorkflows(options.controlUrl);

  const toAssess = drafts.filter((d) => d.scenario.target === 'ASSESSED' || d.scenario.target === 'APPROVED');
  for (const reviewer of ['petra', 'tobias'] as const) {
    const queue = await client.call<{
      items: { id: string; assignment?: { role: 'content' | 'financial' } }[];
    }>(200, 'GET', '/api/review/applications?assignee=me&limit=100', tokens[reviewer]);
    for (const draft of toAssess) {
      const role = queue.items.find((item) => item.id === draft.id)?.assignment?.role;
      if (!role) throw new Error(`${EMAILS[reviewer]} was not assigned to “${draft.scenario.title}”`);
      const base = `/api/review/applications/${draft.id}`;
      await client.call(200, 'POST', `${base}/conflict-declaration`, tokens[reviewer], { conflict: false });
      const body =
        role === 'content'
          ? contentAssessment(draft.scenario, draft.call)
          : financialAssessment(draft.scenario, draft.plan);
      await client.call(201, 'POST', `${base}/assessments`, tokens[reviewer], body);
    }
  }
  // The assessment workflow: summary, ASSESSED, approvers told.
  await drainWorkflows(options.controlUrl);

  for (const draft of drafts) {
    if (draft.scenario.target !== 'APPROVED') continue;
    await client.call(
      200,
      'POST',
      `/api/review/applications/${draft.id}/decision`,
      tokens.ines,
      {
        outcome: 'approved',
        grantedCents: draft.plan?.requestedGrantCents ?? 0,
        conditions: draft.scenario.decision?.conditions ?? [],
      },
      { 'idempotency-key': randomUUID() },
    );
  }
  // The decision workflow: the Bescheid rendered and stored, the applicant told it waits in the portal.
  await drainWorkflows(options.controlUrl);

  const applications: DemoApplication[] = [];
  for (const draft of drafts) {
    const read = await client.call<{ status: string; reference?: string }>(
      200,
      'GET',
      `/api/applications/${draft.id}`,
      tokens[draft.scenario.applicant],
    );
    if (read.status !== draft.scenario.target)
      throw new Error(`“${draft.scenario.title}” ended ${read.status}, not ${draft.scenario.target}`);
    applications.push({
      id: draft.id,
      title: draft.scenario.title,
      status: read.status,
      ...(read.reference ? { reference: read.reference } : {}),
      applicant: nameOf(options, draft.scenario.applicant),
    });
  }
  return { skipped: false, applications };
}

function contentAssessment(scenario: Scenario, call: CallView): ContentAssessmentBody {
  return {
    role: 'content',
    scores: call.rubric.map((criterion) => ({
      criterionId: criterion.id,
      score: scenario.scores?.[criterion.id] ?? 3,
    })),
    recommendation: 'fund',
    comment: scenario.assessments?.content ?? 'Fachlich schlüssiges Vorhaben.',
  };
}

/** Every cost line checked, eligible as applied for; the full request recommended. */
function financialAssessment(scenario: Scenario, plan: FinancePlan | undefined): FinancialAssessmentBody {
  return {
    role: 'financial',
    lines: [
      ...(plan?.staff ?? []).map((line) => ({
        section: 'staff' as const,
        lineId: line.id,
        eligibleCents: staffLineCostCents(line),
      })),
      ...(plan?.material ?? []).map((line) => ({
        section: 'material' as const,
        lineId: line.id,
        eligibleCents: line.amountCents,
      })),
      ...(plan?.fees ?? []).map((line) => ({
        section: 'fees' as const,
        lineId: line.id,
        eligibleCents: line.amountCents,
      })),
    ],
    recommendedGrantCents: plan?.requestedGrantCents ?? 0,
    recommendation: 'fund',
    comment: scenario.assessments?.financial ?? 'Kosten plausibel und angemessen.',
  };
}

function nameOf(options: DemoApplicationsOptions, account: Account): string {
  return options.users.find((user) => user.email === EMAILS[account])?.name ?? EMAILS[account];
}

/** Signs in with USER_PASSWORD_AUTH, as the web apps do; the ID token. */
async function signIn(options: DemoApplicationsOptions, account: Account): Promise<string> {
  const email = EMAILS[account];
  if (!options.users.some((user) => user.email === email)) throw new Error(`${email} is not a demo user`);
  const result = await options.cognito.client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: options.cognito.userPoolClientId,
      AuthParameters: { USERNAME: email, PASSWORD: DEMO_PASSWORD },
    }),
  );
  const token = result.AuthenticationResult?.IdToken;
  if (!token) throw new Error(`no ID token for ${email}`);
  return token;
}

function apiClient(apiUrl: string) {
  return {
    /** One request; anything but the expected status fails with what the API said. */
    async call<T = unknown>(
      expected: number,
      method: string,
      path: string,
      token?: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<T> {
      const response = await fetch(`${apiUrl}${path}`, {
        method,
        headers: {
          ...headers,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      if (response.status !== expected)
        throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** Announce, upload to the presigned form as a browser does (fields first, then the file), complete. */
async function uploadDocument(
  client: ReturnType<typeof apiClient>,
  token: string,
  applicationId: string,
  type: string,
  pdf: Uint8Array,
) {
  const base = `/api/applications/${applicationId}/documents`;
  const created = await client.call<{
    document: { id: string; fileName: string };
    upload: { url: string; fields: Record<string, string> };
  }>(201, 'POST', base, token, {
    type,
    fileName: FILE_NAMES[type] ?? `${type}.pdf`,
    contentType: 'application/pdf',
    size: pdf.length,
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(created.upload.fields)) form.append(name, value);
  form.append('file', new Blob([pdf], { type: 'application/pdf' }), created.document.fileName);
  const uploaded = await fetch(created.upload.url, { method: 'POST', body: form });
  await uploaded.arrayBuffer();
  if (uploaded.status >= 300) throw new Error(`upload of ${type} answered ${uploaded.status}`);
  const completed = await client.call<{ status: string; rejectionReason?: string }>(
    200,
    'POST',
    `${base}/${created.document.id}/complete`,
    token,
  );
  if (completed.status !== 'verified')
    throw new Error(`document ${type} not verified: ${completed.rejectionReason ?? completed.status}`);
}

/** A one-page PDF standing in for the scanned document. */
async function aPdf(label: string, organisation: string, project: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = [label, organisation, `Vorhaben: ${project}`, '(Demo-Dokument, lokal erzeugt)'];
  lines.forEach((line, index) => {
    page.drawText(line, { x: 56, y: 780 - index * 22, size: index === 0 ? 16 : 11, font });
  });
  return pdf.save();
}

async function drainWorkflows(controlUrl: string) {
  const response = await fetch(`${controlUrl}/drain?timeoutMs=60000`, { method: 'POST' });
  if (response.status !== 204) throw new Error(`the workflows did not finish: ${await response.text()}`);
}
