import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCallRepository } from '../../shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbMembershipRepository } from '../../shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { DynamoDbOrganisationRepository } from '../../shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import { DynamoDbStaffDirectory } from '../../shared/adapters/dynamodb/dynamodb-review-repository.ts';
import type { Call } from '../../shared/api/schemas/call.schema.ts';
import type { MemberRole } from '../../shared/api/schemas/membership.schema.ts';
import type { OrganisationProfile } from '../../shared/api/schemas/organisation.schema.ts';
import { berlinDate, berlinTimestamp } from '../../shared/domain/berlin-time.ts';
import { BACK_OFFICE_GROUPS, type Group } from '../../shared/domain/roles.ts';

/** The password of every demo account (local runs only). */
export const DEMO_PASSWORD = 'Demo-Passwort-2026!';

export interface DemoUser {
  email: string;
  name: string;
  groups: Group[];
  /** Demo organisations the user is a member of (applicants), with their role there. */
  memberships?: { orgId: string; role: MemberRole }[];
}

/**
 * Three Saxon organisations with complete profiles (nothing missing for submission): the register
 * courts of Saxony's Vereins- and Handelsregister are Leipzig, Dresden and Chemnitz. The IBANs have
 * valid check digits on real Saxon bank codes with made-up account numbers.
 */
export const DEMO_ORGS = [
  {
    id: '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a01',
    legalName: 'Interkulturelles Netzwerk Leipzig e.V.',
    legalForm: 'eingetragener-verein',
    register: { court: 'Amtsgericht Leipzig', number: 'VR 4711' },
    address: { street: 'Eisenbahnstraße 54', postalCode: '04315', city: 'Leipzig' },
    nonProfit: { recognised: true, exemptionNoticeDate: '2024-05-17' },
    iban: 'DE45860205000003461900',
    bic: 'BFSWDE33LPZ',
    representative: { name: 'Amira Haddad', function: 'Vorsitzende' },
    contactEmail: 'info@netzwerk-leipzig.example.org',
  },
  {
    id: '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a02',
    legalName: 'Bildungswerk Lausitz gGmbH',
    legalForm: 'ggmbh',
    register: { court: 'Amtsgericht Dresden', number: 'HRB 30815' },
    address: { street: 'Äußere Lauenstraße 12', postalCode: '02625', city: 'Bautzen' },
    nonProfit: { recognised: true, exemptionNoticeDate: '2023-11-02' },
    iban: 'DE20850503003120045678',
    bic: 'OSDDDE81XXX',
    representative: { name: 'Jonas Weber', function: 'Geschäftsführer' },
    contactEmail: 'kontakt@bildungswerk-lausitz.example.org',
  },
  {
    id: '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a03',
    legalName: 'Begegnungszentrum Sonnenberg e.V.',
    legalForm: 'eingetragener-verein',
    register: { court: 'Amtsgericht Chemnitz', number: 'VR 2231' },
    address: { street: 'Zietenstraße 48', postalCode: '09130', city: 'Chemnitz' },
    nonProfit: { recognised: true, exemptionNoticeDate: '2024-09-30' },
    iban: 'DE38870500000711220033',
    bic: 'CHEKDE81XXX',
    representative: { name: 'Lena Krause', function: 'Vorsitzende' },
    contactEmail: 'post@begegnung-sonnenberg.example.org',
  },
] as const satisfies readonly (OrganisationProfile & { id: string })[];

const [LEIPZIG, LAUSITZ, SONNENBERG] = DEMO_ORGS;

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'amira.haddad@example.org',
    name: 'Amira Haddad',
    groups: ['applicant'],
    memberships: [{ orgId: LEIPZIG.id, role: 'owner' }],
  },
  {
    email: 'jonas.weber@example.org',
    name: 'Jonas Weber',
    groups: ['applicant'],
    memberships: [{ orgId: LAUSITZ.id, role: 'owner' }],
  },
  {
    // Treasurer of one association and chair of another: a user may belong to several organisations.
    email: 'lena.krause@example.org',
    name: 'Lena Krause',
    groups: ['applicant'],
    memberships: [
      { orgId: SONNENBERG.id, role: 'owner' },
      { orgId: LEIPZIG.id, role: 'member' },
    ],
  },
  { email: 'petra.schulz@example.org', name: 'Petra Schulz', groups: ['reviewer'] },
  { email: 'tobias.kranz@example.org', name: 'Tobias Kranz', groups: ['reviewer'] },
  { email: 'ines.vogel@example.org', name: 'Dr. Ines Vogel', groups: ['approver'] },
  { email: 'admin@example.org', name: 'Karin Lehmann', groups: ['admin'] },
];

const addDays = (at: Date, days: number) => new Date(at.getTime() + days * 86_400_000);
const firstOfMonthAfter = (at: Date, months: number) => {
  const [year, month] = berlinDate(at).split('-').map(Number) as [number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  return target.toISOString().slice(0, 10);
};
const dayBefore = (isoDate: string) =>
  addDays(new Date(`${isoDate}T12:00:00Z`), -1)
    .toISOString()
    .slice(0, 10);

const RUBRIC: Call['rubric'] = [
  {
    id: 'relevanz-zik',
    weight: 3,
    label: {
      de: 'Bezug zu den Handlungsfeldern des ZIK II',
      en: 'Relevance to the fields of action of ZIK II',
    },
  },
  {
    id: 'zielgruppe',
    weight: 3,
    label: {
      de: 'Erreichen der Zielgruppe und Beteiligung von Migrantinnen und Migranten',
      en: 'Reach to the target group and participation of migrants',
    },
  },
  {
    id: 'konzept',
    weight: 2,
    label: { de: 'Qualität von Konzept und Methoden', en: 'Quality of concept and methods' },
  },
  {
    id: 'vernetzung',
    weight: 1,
    label: { de: 'Kooperation und Vernetzung in der Region', en: 'Cooperation and networking in the region' },
  },
  {
    id: 'nachhaltigkeit',
    weight: 1,
    label: { de: 'Nachhaltigkeit nach Förderende', en: 'Sustainability after funding ends' },
  },
  {
    id: 'wirtschaftlichkeit',
    weight: 2,
    label: {
      de: 'Wirtschaftlichkeit des Finanzierungsplans',
      en: 'Value for money of the finance plan',
    },
  },
];

const doc = (id: string, de: string, en: string, mandatory = true) => ({ id, label: { de, en }, mandatory });

/**
 * The demo calls, modelled on the FRL Integrative Maßnahmen: strand B single projects (competitive,
 * one-year projects, Fehlbedarfsfinanzierung) and strand C small projects (rolling, Festbetrag). Dates
 * are relative to `now`, so a fresh demo always has open calls.
 */
export function demoCalls(now: Date): Call[] {
  const programme = {
    de: 'Förderrichtlinie Integrative Maßnahmen (FRL IM)',
    en: 'Funding guideline Integrative Measures (FRL IM)',
  };
  const opens = berlinTimestamp(berlinDate(addDays(now, -30)), '00:00:00');
  const bStart = firstOfMonthAfter(addDays(now, 45), 3);
  const bYear = bStart.slice(0, 4);
  const cStart = firstOfMonthAfter(now, 2);
  return [
    {
      id: `im-${bYear}-b`,
      programme,
      strand: 'B',
      title: { de: `Einzelprojekte ${bYear}`, en: `Single projects ${bYear}` },
      summary: {
        de: 'Einzelprojekte zur Integration von Zugewanderten in Sachsen, Laufzeit höchstens ein Jahr. Auswahl im Wettbewerb nach veröffentlichter Bewertungsmatrix.',
        en: 'Single projects for the integration of immigrants in Saxony, lasting at most one year. Competitive selection by a published scoring matrix.',
      },
      referencePrefix: `IM-${bYear}-B`,
      selectionMode: 'competitive',
      financingType: 'deficit',
      budgetCents: 245_000_000,
      opensAt: opens,
      closesAt: berlinTimestamp(berlinDate(addDays(now, 45)), '23:59:59'),
      projectPeriod: {
        earliestStart: bStart,
        latestEnd: dayBefore(firstOfMonthAfter(new Date(`${bStart}T12:00:00Z`), 12)),
        maxMonths: 12,
      },
      rules: {
        maxGrantCents: 14_000_000,
        maxFundingRateBps: 9500,
        minOwnShareBps: 500,
        adminFlatRateBps: 1000,
      },
      eligibleLegalForms: ['eingetragener-verein', 'ggmbh', 'wohlfahrtsverband', 'forschungseinrichtung'],
      requiredDocuments: [
        doc('satzung', 'Satzung bzw. Gesellschaftsvertrag', 'Articles of association'),
        doc('freistellungsbescheid', 'Freistellungsbescheid des Finanzamts', 'Tax exemption notice'),
        doc('projektkonzept', 'Projektkonzept', 'Project concept'),
        doc(
          'stellungnahme-landkreis',
          'Stellungnahme des Landkreises bzw. der Kreisfreien Stadt',
          'Statement of the district',
          false,
        ),
      ],
      rubric: RUBRIC,
    },
    {
      id: `im-${cStart.slice(0, 4)}-c`,
      programme,
      strand: 'C',
      title: { de: `Kleinprojekte ${cStart.slice(0, 4)}`, en: `Small projects ${cStart.slice(0, 4)}` },
      summary: {
        de: 'Kleinprojekte vor Ort, zum Beispiel Begegnungsangebote, Sprachcafés oder Elternarbeit. Laufende Entscheidung, solange Mittel verfügbar sind.',
        en: 'Small local projects such as meeting places, language cafés or work with parents. Decided as they come while funds remain.',
      },
      referencePrefix: `IM-${cStart.slice(0, 4)}-C`,
      selectionMode: 'rolling',
      financingType: 'fixed',
      budgetCents: 30_000_000,
      opensAt: opens,
      closesAt: berlinTimestamp(berlinDate(addDays(now, 120)), '23:59:59'),
      projectPeriod: {
        earliestStart: cStart,
        latestEnd: dayBefore(firstOfMonthAfter(new Date(`${cStart}T12:00:00Z`), 12)),
        maxMonths: 12,
      },
      rules: {
        maxGrantCents: 1_500_000,
        maxFundingRateBps: 9500,
        minOwnShareBps: 500,
        adminFlatRateBps: 1000,
      },
      eligibleLegalForms: ['eingetragener-verein', 'ggmbh', 'religionsgemeinschaft'],
      requiredDocuments: [
        doc('satzung', 'Satzung bzw. Gesellschaftsvertrag', 'Articles of association'),
        doc('freistellungsbescheid', 'Freistellungsbescheid des Finanzamts', 'Tax exemption notice'),
        doc('projektbeschreibung', 'Kurze Projektbeschreibung', 'Short project description'),
      ],
      rubric: RUBRIC,
    },
  ];
}

/** Creates a confirmed user with a permanent password in the given groups; returns its sub. Idempotent. */
export async function ensureUser(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  user: { email: string; name?: string; password: string; groups: readonly Group[] },
): Promise<string> {
  let sub: string | undefined;
  try {
    const existing = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.email }),
    );
    sub = existing.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
  } catch (error) {
    if (!(error instanceof UserNotFoundException) && (error as Error).name !== 'UserNotFoundException')
      throw error;
    const created = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: user.email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          { Name: 'email_verified', Value: 'true' },
          ...(user.name ? [{ Name: 'name', Value: user.name }] : []),
        ],
      }),
    );
    sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
  }
  if (!sub) throw new Error(`user ${user.email} has no sub`);
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: user.email,
      Password: user.password,
      Permanent: true,
    }),
  );
  for (const group of user.groups) {
    await cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: user.email, GroupName: group }),
    );
  }
  return sub;
}

/**
 * Seeds the demo: two calls, three organisations, a demo account for every role and the staff
 * directory entries of the back-office accounts. Safe to repeat.
 */
export async function seedDemoData(options: {
  documentClient: DynamoDBDocumentClient;
  tableName: string;
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  now: Date;
}): Promise<{ calls: Call[]; users: (DemoUser & { sub: string })[] }> {
  const { documentClient, tableName, cognito, userPoolId, now } = options;
  const callRepository = new DynamoDbCallRepository(documentClient, tableName);
  const calls = demoCalls(now);
  for (const call of calls) {
    // Keep a call that exists: a restart must not move deadlines under existing drafts.
    if (!(await callRepository.get(call.id))) {
      const at = now.toISOString();
      await callRepository.put({
        ...call,
        version: 1,
        createdAt: at,
        createdBy: 'system:seed',
        updatedAt: at,
        updatedBy: 'system:seed',
      });
    }
  }
  const users: (DemoUser & { sub: string })[] = [];
  for (const user of DEMO_USERS) {
    const sub = await ensureUser(cognito, userPoolId, { ...user, password: DEMO_PASSWORD });
    users.push({ ...user, sub });
  }
  await seedOrganisations(documentClient, tableName, users, now);
  // The staff directory: who can be assigned. An upsert keeps the workload counts of a running demo.
  const staff = new DynamoDbStaffDirectory(documentClient, tableName);
  for (const user of users) {
    if (!user.groups.some((group) => BACK_OFFICE_GROUPS.includes(group))) continue;
    await staff.upsert({ sub: user.sub, email: user.email, name: user.name, groups: user.groups });
  }
  return { calls, users };
}

/**
 * The demo organisations and their members. Safe to repeat, and it keeps what the demo changed: a
 * profile that exists is left as it is (unless it is still in the shape of an older seed, without a
 * version), and a membership keeps its joinedAt.
 */
async function seedOrganisations(
  documentClient: DynamoDBDocumentClient,
  tableName: string,
  users: (DemoUser & { sub: string })[],
  now: Date,
) {
  const organisations = new DynamoDbOrganisationRepository(documentClient, tableName);
  const memberships = new DynamoDbMembershipRepository(documentClient, tableName);
  const at = now.toISOString();
  for (const { id, ...profile } of DEMO_ORGS) {
    const existing = await organisations.get(id);
    if (typeof existing?.version === 'number') continue;
    const owner = users.find((user) => user.memberships?.some((m) => m.orgId === id && m.role === 'owner'));
    const by = owner?.sub ?? 'system:seed';
    await organisations.put({
      ...structuredClone(profile),
      id,
      version: 1,
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
    });
  }
  for (const user of users) {
    for (const { orgId, role } of user.memberships ?? []) {
      const existing = await memberships.get(orgId, user.sub);
      if (existing?.email) continue;
      await memberships.add(orgId, user.sub, role, existing?.joinedAt ?? at, user.email);
    }
  }
}
