import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoDbApplicationRepository } from '../../shared/adapters/dynamodb/dynamodb-application-repository.ts';
import { keys } from '../../shared/adapters/dynamodb/keys.ts';
import { newDraft } from '../../shared/domain/application.ts';
import { ConcurrentChangeError } from '../../shared/domain/errors.ts';
import { aCall } from '../support/calls.ts';
import { documentClient, givenCall, stack } from '../support/local-stack.ts';

describe('DynamoDbApplicationRepository.save against DynamoDB Local', () => {
  it('writes nothing when a document the change relies on was deleted or is no longer verified', async () => {
    const repository = new DynamoDbApplicationRepository(documentClient(), stack().tableName);
    const call = await givenCall(aCall());
    const now = new Date();
    const { application, event } = newDraft({
      id: randomUUID(),
      orgId: randomUUID(),
      callId: call.id,
      title: 'Mit Satzung',
      actor: 'amira',
      now,
    });
    await repository.create(application, event);
    const verified = randomUUID();
    const pending = randomUUID();
    for (const [id, status] of [
      [verified, 'verified'],
      [pending, 'pending'],
    ] as const) {
      await documentClient().send(
        new PutCommand({
          TableName: stack().tableName,
          Item: { ...keys.document(application.id, id), itemType: 'Document', id, status },
        }),
      );
    }
    const submit = (version: number) => ({
      next: { ...application, status: 'SUBMITTED' as const, version: version + 1 },
      event: { ...event, version: version + 1, type: 'SUBMITTED' as const, to: 'SUBMITTED' as const },
    });

    const gone = submit(1);
    await expect(
      repository.save(gone.next, gone.event, 1, { verifiedDocuments: [verified, randomUUID()] }),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
    await expect(
      repository.save(gone.next, gone.event, 1, { verifiedDocuments: [pending] }),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect((await repository.get(application.id))?.status).toBe('DRAFT');

    await repository.save(gone.next, gone.event, 1, { verifiedDocuments: [verified] });
    expect((await repository.get(application.id))?.status).toBe('SUBMITTED');
  });
});
