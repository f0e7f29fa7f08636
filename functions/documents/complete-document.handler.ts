import { documentClient, tableName } from '#shared/adapters/clients.ts';
import { DynamoDbApplicationRepository } from '#shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { DynamoDbDocumentRepository } from '#shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { DynamoDbMembershipRepository } from '#shared/adapters/dynamodb/dynamodb-membership-repository.ts';
import { malwareScanResults } from '#shared/adapters/malware-scan-results.ts';
import { documentsBucket, documentsS3Client, S3DocumentStore } from '#shared/adapters/s3-document-store.ts';
import { completeDocumentOperation } from '#shared/api/operations/documents.ts';
import { systemClock } from '#shared/domain/clock.ts';
import { toDocumentView } from '#shared/http/document-views.ts';
import { httpHandler } from '#shared/http/http-handler.ts';
import { completeDocument } from '#shared/use-cases/documents/complete-document.ts';

const table = tableName();
const s3 = documentsS3Client();
const deps = {
  applications: new DynamoDbApplicationRepository(documentClient, table),
  memberships: new DynamoDbMembershipRepository(documentClient, table),
  documents: new DynamoDbDocumentRepository(documentClient, table),
  store: new S3DocumentStore(s3, documentsBucket()),
  // GuardDuty's verdict on AWS (MALWARE_SCAN=guardduty-tags), the clean stand-in locally.
  scans: malwareScanResults(s3, documentsBucket()),
  clock: systemClock,
};

// 200 whatever the verdict: the request worked; the document's status says whether the file did
// (still `pending` while the malware scan runs: the browser completes again a little later).
export const handler = httpHandler(completeDocumentOperation, async ({ params, caller, language }) => {
  const document = await completeDocument(deps, caller, {
    applicationId: params.id,
    documentId: params.docId,
  });
  return { status: 200, body: toDocumentView(document, language) };
});
