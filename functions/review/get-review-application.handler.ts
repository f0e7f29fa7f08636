import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbAssessmentRepository } from '#shared/adapters/dynamodb/dynamodb-assessment-repository.ts';
import { DynamoDbCallRepository } from '#shared/adapters/dynamodb/dynamodb-call-repository.ts';
import { DynamoDbDocumentRepository } from '#shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { DynamoDbOrganisationRepository } from '#shared/adapters/dynamodb/dynamodb-organisation-repository.ts';
import {
  DynamoDbAssignmentRepository,
  DynamoDbStaffDirectory,
} from '#shared/adapters/dynamodb/dynamodb-review-repository.ts';
import { getReviewApplicationOperation } from '#shared/api/operations/review-assignments.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { getReviewApplication } from '#shared/use-cases/review/get-review-application.ts';

const table = tableName();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  calls: new DynamoDbCallRepository(documentClient, table),
  organisations: new DynamoDbOrganisationRepository(documentClient, table),
  documents: new DynamoDbDocumentRepository(documentClient, table),
  assignments: new DynamoDbAssignmentRepository(documentClient, table),
  assessments: new DynamoDbAssessmentRepository(documentClient, table),
  staff: new DynamoDbStaffDirectory(documentClient, table),
};

export const handler = httpHandler(getReviewApplicationOperation, async ({ params, caller }) => ({
  status: 200,
  body: await getReviewApplication(deps, caller, params.id),
}));
