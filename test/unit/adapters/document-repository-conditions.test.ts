import { describe, expect, it } from 'vitest';
import { EDITABLE_STATUSES } from '../../../shared/adapters/dynamodb/dynamodb-document-repository.ts';
import { ApplicationStatus } from '../../../shared/api/schemas/application.schema.ts';
import { isEditable } from '../../../shared/domain/application.ts';

describe('DynamoDbDocumentRepository', () => {
  it('conditions document writes on exactly the statuses in which an application is editable', () => {
    const editable = ApplicationStatus.options.filter((status) => isEditable(status));
    expect([...EDITABLE_STATUSES].sort()).toEqual(editable.sort());
  });
});
