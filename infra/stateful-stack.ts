import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { DataTable } from './constructs/data-table.ts';
import { DocumentsBucket } from './constructs/documents-bucket.ts';
import { SignIn } from './constructs/user-pool.ts';

export interface StatefulStackProps extends StackProps {
  retainData: boolean;
  webOrigins: string[];
}

/** What holds data: the table, the documents bucket and the user pool. Deployed rarely, kept safe. */
export class StatefulStack extends Stack {
  readonly data: DataTable;
  readonly documents: DocumentsBucket;
  readonly signIn: SignIn;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    this.data = new DataTable(this, 'Data', { retain: props.retainData });
    this.documents = new DocumentsBucket(this, 'Documents', {
      retain: props.retainData,
      allowedOrigins: props.webOrigins,
    });
    this.signIn = new SignIn(this, 'SignIn', { retain: props.retainData });
  }
}
