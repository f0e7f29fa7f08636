import type { Application } from '../../domain/application.ts';
import type { Assessment } from '../../domain/assessment.ts';
import { summarizeAssessments } from '../../domain/assessment.ts';
import type { Clock } from '../../domain/clock.ts';
import { decideTransition } from '../../domain/lifecycle.ts';
import type { ApplicationRepository } from '../../ports/application-repository.ts';
import type { AssessmentRepository } from '../../ports/assessment-repository.ts';
import type { CallRepository } from '../../ports/call-repository.ts';
import { StaleWorkError, type WorkflowInput } from '../../workflows/workflow-input.ts';

/**
 * Assessment task: once both assessments are in, writes their summary (total score of the rubric,
 * both recommendations, eligible costs, recommended grant) and moves the application to ASSESSED.
 * Primary course:
 * 1. The application still carries this marking of the assessment work (else the work is stale; if it
 *    is already ASSESSED by this round, nothing is written again).
 * 2. Both assessments are recorded.
 * 3. Summary and ASSESSED in one conditional write with an event by the system.
 */
export async function summarize(
  deps: {
    applications: ApplicationRepository;
    assessments: Pick<AssessmentRepository, 'listByApplication'>;
    calls: CallRepository;
    clock: Clock;
  },
  input: WorkflowInput,
): Promise<{ assessed: 'now' | 'before' }> {
  const application = await deps.applications.get(input.applicationId);
  if (application?.pendingWork !== 'assessment' || application.pendingSince !== input.pendingSince) {
    throw new StaleWorkError(
      `application ${input.applicationId} has no assessment work of ${input.pendingSince}`,
    );
  }
  if (application.status === 'ASSESSED') return { assessed: 'before' };
  const decision = decideTransition(application.status, 'assessments-complete', 'system');
  if (!decision.allowed) throw new StaleWorkError(`application ${application.id} is ${application.status}`);

  const assessments = await deps.assessments.listByApplication(application.id);
  const content = assessments.find((a): a is Assessment & { role: 'content' } => a.role === 'content');
  const financial = assessments.find((a): a is Assessment & { role: 'financial' } => a.role === 'financial');
  if (!content || !financial) throw new Error(`application ${application.id} lacks an assessment`);
  const call = await deps.calls.get(application.callId);
  if (!call) throw new Error(`call ${application.callId} does not exist`);

  const now = deps.clock.now();
  const at = now.toISOString();
  const next: Application = {
    ...application,
    status: decision.to,
    version: application.version + 1,
    updatedAt: at,
    updatedBy: 'system',
    assessmentSummary: summarizeAssessments({
      content,
      financial,
      rubric: call.rubric,
      plan: application.financePlan,
      adminFlatRateBps: call.rules.adminFlatRateBps,
      now,
    }),
  };
  await deps.applications.save(
    next,
    {
      applicationId: application.id,
      version: next.version,
      at,
      actor: 'system',
      type: 'ASSESSED',
      from: application.status,
      to: next.status,
    },
    application.version,
  );
  return { assessed: 'now' };
}
