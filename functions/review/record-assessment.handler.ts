import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbAssessmentRepository } from '#shared/adapters/dynamodb/dynamodb-assessment-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import {
  DynamoDbAssignmentRepository,
  DynamoDbStaffDirectory,
} from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { recordAssessmentOperation } from '#shared/api/operations/assessments.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { recordAssessment } from '#shared/use-cases/review/record-assessment.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  assessments: new DynamoDbAssessmentRepository(documentClient, table),
  staff: new DynamoDbStaffDirectory(documentClient, table),
  clock: systemClock,
};

export const handler = httpHandler(recordAssessmentOperation, async ({ params, body, caller }) => {
  const { application, assessment, bothRecorded } = await recordAssessment(deps, caller, {
    id: params.id,
    body,
  });
  return {
    status: 201,
    body: {
      applicationId: application.id,
      role: assessment.role,
      submittedAt: assessment.submittedAt,
      bothRecorded,
    },
  };
});
