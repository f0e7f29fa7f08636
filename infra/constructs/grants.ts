import { Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';
import { INDEX_NAMES } from './data-table.ts';

/**
 * Least-privilege grants, written out instead of CDK's grantReadData / grantReadWriteData / grantRead helpers: those allow
 * Scan (no request path may scan), DescribeTable, `index/*` and wildcard S3 actions (`s3:GetObject*`,
 * `s3:List*`, `s3:Abort*`). Here every action is named, and the resources are the table and its named
 * indexes. Transactions need no actions of their own: IAM checks each item's Put/Update/Delete/
 * ConditionCheck (TransactWriteItems) or GetItem (TransactGetItems).
 */
export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
] as const;
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

export function grantTable(grantee: IGrantable, table: ITableV2, access: 'read' | 'read-write'): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [...TABLE_READ_ACTIONS, ...(access === 'read-write' ? TABLE_WRITE_ACTIONS : [])],
      resources: [table.tableArn, ...INDEX_NAMES.map((index) => `${table.tableArn}/index/${index}`)],
    }),
  );
}

/**
 * What a function may do with objects under one key pattern of a bucket:
 * - `read`: GetObject (a presigned GET acts with these rights too), GetObjectVersion (a verified
 *   document is read by the version that was checked);
 * - `write`: PutObject (a presigned POST acts with it);
 * - `delete`: DeleteObject (a delete marker in a versioned bucket; old versions expire by lifecycle);
 * - `scan-result`: the GuardDuty tag on the object (or on a version of it).
 * No List, no bucket-level action: every key is known from the table.
 */
export type ObjectAccess = 'read' | 'write' | 'delete' | 'scan-result';

const OBJECT_ACTIONS: Record<ObjectAccess, string[]> = {
  read: ['s3:GetObject', 's3:GetObjectVersion'],
  write: ['s3:PutObject'],
  delete: ['s3:DeleteObject'],
  'scan-result': ['s3:GetObjectTagging', 's3:GetObjectVersionTagging'],
};

export function grantObjects(
  grantee: IGrantable & IConstruct,
  bucket: IBucket,
  keyPattern: string,
  access: readonly ObjectAccess[],
): void {
  const objects = bucket.arnForObjects(keyPattern);
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: access.flatMap((kind) => OBJECT_ACTIONS[kind]), resources: [objects] }),
  );
  // cdk-nag names a wildcard finding by the resource as it renders it; this is that very resource, so
  // the acknowledgment covers this key pattern and nothing else.
  const rendered = flattenCfnReference(Stack.of(grantee).resolve(objects));
  // On the role (the policy's parent): an AppFunction's role is its sibling, not its child.
  const principal = grantee.grantPrincipal as unknown as IConstruct;
  Validations.of(principal.node ? principal : grantee).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${rendered}]`,
    reason: `Object keys under ${keyPattern} are made per application at run time (ids in the key), so an object ARN needs the wildcard; actions are named one by one (${access.join(', ')}), no List.`,
  });
}
