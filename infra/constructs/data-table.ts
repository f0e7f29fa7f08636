import type { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface DataTableProps {
  /** RETAIN in prod: the table stays when the stack goes. */
  removalPolicy: RemovalPolicy;
  /** Outside dev, deleting the table needs deletion protection switched off first. */
  deletionProtection: boolean;
}

/** The global secondary indexes, named so grants can list them instead of allowing `index/*`. */
export const INDEX_NAMES = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'pending'] as const;

/**
 * The single table. Its keys and indexes serve every access pattern (see shared/adapters/dynamodb/keys.ts):
 * gsi1 lists (calls, an organisation's applications, a user's organisations), gsi2 call + status,
 * gsi3 assignee, gsi4 due date, and `pending` is sparse: only items with follow-up work are in it.
 * The stream feeds the workflow dispatcher. On-demand: a programme's load comes in bursts (a call's
 * deadline), and nobody has to size capacity. Point-in-time recovery gives 35 days to undo a bad write.
 * `expiresAt` (epoch seconds) lets idempotency records and email claims expire by themselves.
 */
export class DataTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const s = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: s('pk'),
      sortKey: s('sk'),
      billing: Billing.onDemand(),
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: 'expiresAt',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection,
      removalPolicy: props.removalPolicy,
      globalSecondaryIndexes: INDEX_NAMES.map((indexName) =>
        indexName === 'pending'
          ? { indexName, partitionKey: s('pendingWork'), sortKey: s('pendingSince') }
          : { indexName, partitionKey: s(`${indexName}pk`), sortKey: s(`${indexName}sk`) },
      ),
    });
  }
}
