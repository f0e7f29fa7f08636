import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export interface DataTableProps {
  /** Production keeps the table when the stack goes, and refuses to delete it. */
  retain: boolean;
}

/**
 * The single table. Its keys and indexes serve every access pattern (see shared/adapters/dynamodb/keys.ts):
 * gsi1 lists (calls, an organisation's applications, a user's organisations), gsi2 call + status,
 * gsi3 assignee, gsi4 due date, and `pending` is sparse: only items with follow-up work are in it.
 * The stream feeds the workflow dispatcher.
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
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: [
        { indexName: 'gsi1', partitionKey: s('gsi1pk'), sortKey: s('gsi1sk') },
        { indexName: 'gsi2', partitionKey: s('gsi2pk'), sortKey: s('gsi2sk') },
        { indexName: 'gsi3', partitionKey: s('gsi3pk'), sortKey: s('gsi3sk') },
        { indexName: 'gsi4', partitionKey: s('gsi4pk'), sortKey: s('gsi4sk') },
        { indexName: 'pending', partitionKey: s('pendingWork'), sortKey: s('pendingSince') },
      ],
    });
  }
}
