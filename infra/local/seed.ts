import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbCallRepository } from '../../shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbMembershipRepository } from '../../shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import type { Call } from '../../shared/api/schemas/call.schema.ts';
import { berlinDate, berlinTimestamp } from '../../shared/domain/berlin-time.ts';
import type { Group } from '../../shared/domain/roles.ts';

/** The password of every demo account (local runs only). */
export const DEMO_PASSWORD = 'Demo-Passwort-2026!';

export interface DemoUser {
  email: string;
  name: string;
  groups: Group[];
  /** Demo organisation the user is a member of (applicants). */
  orgId?: string;
}

export const DEMO_ORGS = [
  {
    id: '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a01',
    legalName: 'Interkulturelles Netzwerk Leipzig e.V.',
    legalForm: 'eingetragener-verein',
    register: 'Amtsgericht Leipzig, VR 4711',
  },
  {
    id: '5b0c1f0e-2b1d-4a53-9a35-0c6f4f0e1a02',
    legalName: 'Bildungswerk Lausitz gGmbH',
    legalForm: 'ggmbh',
    register: 'Amtsgericht Dresden, HRB 30815',
  },
] as const;

export const DEMO_USERS: DemoUser[] = [
  { email: 'amira.haddad@example.org', name: 'Amira Haddad', groups: ['applicant'], orgId: DEMO_ORGS[0].id },
  { email: 'jonas.weber@example.org', name: 'Jonas Weber', groups: ['applicant'], orgId: DEMO_ORGS[1].id },
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

/** Seeds the demo: two calls, two organisations and a demo account for every role. Safe to repeat. */
export async function seedDemoData(options: {
  documentClient: DynamoDBDocumentClient;
  tableName: string;
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  now: Date;
}): Promise<{ calls: Call[]; users: (DemoUser & { sub: string })[] }> {
  const { documentClient, tableName, cognito, userPoolId, now } = options;
  const callRepository = new DynamoDbCallRepository(documentClient, tableName);
  const memberships = new DynamoDbMembershipRepository(documentClient, tableName);
  const calls = demoCalls(now);
  for (const call of calls) {
    // Keep a call that exists: a restart must not move deadlines under existing drafts.
    if (!(await callRepository.get(call.id))) await callRepository.put(call);
  }
  for (const org of DEMO_ORGS) {
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk: `ORG#${org.id}`, sk: 'PROFILE', itemType: 'Organisation', ...org },
      }),
    );
  }
  const users: (DemoUser & { sub: string })[] = [];
  for (const user of DEMO_USERS) {
    const sub = await ensureUser(cognito, userPoolId, { ...user, password: DEMO_PASSWORD });
    if (user.orgId) await memberships.add(user.orgId, sub, 'owner', now.toISOString());
    users.push({ ...user, sub });
  }
  return { calls, users };
}
