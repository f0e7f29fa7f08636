import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './constructs/http-api.ts';
import type { StatefulStack } from './stateful-stack.ts';

export interface StatelessStackProps extends StackProps {
  stateful: StatefulStack;
}

/** What holds no data: functions, the API, and (later) workflows, schedules and web hosting. */
export class StatelessStack extends Stack {
  readonly api: Api;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful } = props;
    this.api = new Api(this, 'Api', {
      table: stateful.data.table,
      documentsBucket: stateful.documents.bucket,
      userPool: stateful.signIn.userPool,
      webClient: stateful.signIn.webClient,
    });
  }
}
