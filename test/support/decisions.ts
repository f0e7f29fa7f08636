import type { LocalStackInfo } from '../../infra/local/local-stack.ts';
import { api, drain, givenAssessedApplication, type TestUser } from './local-stack.ts';

/** What a complete draft asks for (test/support/drafts.ts): 14,402.00 €. */
export const REQUESTED_GRANT_CENTS = 1_440_200;

/**
 * Given a decided application with its Bescheid issued: assessed by `reviewers` (givenAssessedApplication),
 * approved in full (or rejected with reasons) by `approver` through POST …/decision, and the decision
 * workflow drained, so the letter is in S3 and on the application. The call must be made with `aCall()`.
 */
export async function givenDecidedApplication(
  member: TestUser,
  orgId: string,
  callId: string,
  reviewers: { content: TestUser; financial: TestUser },
  approver: TestUser,
  options: { outcome?: 'approved' | 'rejected'; title?: string } = {},
  on?: LocalStackInfo,
): Promise<{ id: string; reference: string; letterId: string }> {
  const application = await givenAssessedApplication(
    member,
    orgId,
    callId,
    reviewers,
    options.title ? { title: options.title } : {},
    on,
  );
  const outcome = options.outcome ?? 'approved';
  const decided = await api('POST', `/api/review/applications/${application.id}/decision`, {
    token: approver.token,
    body:
      outcome === 'approved'
        ? { outcome, grantedCents: REQUESTED_GRANT_CENTS, conditions: [] }
        : { outcome, reasons: 'Das Vorhaben erreicht die Zielgruppen der Richtlinie nicht ausreichend.' },
    on,
  });
  if (decided.status !== 200) throw new Error(`not decided: ${decided.status} ${decided.text}`);
  await drain(on);
  const read = await api<{ letters?: { id: string }[] }>('GET', `/api/applications/${application.id}`, {
    token: member.token,
    on,
  });
  const letterId = read.body.letters?.[0]?.id;
  if (!letterId) throw new Error(`no letter issued: ${read.text}`);
  return { id: application.id, reference: application.reference, letterId };
}
