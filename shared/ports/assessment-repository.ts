import type { Application, ApplicationEvent } from '../domain/application.ts';
import type { Assessment, AssessmentRole } from '../domain/assessment.ts';

export interface AssessmentRepository {
  /** The application's recorded assessments (at most one per role). */
  listByApplication(applicationId: string): Promise<Assessment[]>;
  /**
   * Records an assessment in ONE transaction: the assessment (none yet for its role), its assignment
   * closed (still the reviewer's, declared without conflict, not assessed — it leaves their queue), the
   * reviewer's workload down by one (if they are in the staff directory), and the application's next
   * version with its event (still at `expectedVersion`). Any failed condition writes nothing and throws
   * ConcurrentChangeError.
   */
  record(input: {
    assessment: Assessment;
    next: Application;
    event: ApplicationEvent;
    expectedVersion: number;
    reviewerInDirectory: boolean;
  }): Promise<void>;
}

export type { AssessmentRole };
