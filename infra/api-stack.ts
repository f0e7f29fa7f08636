import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api } from './constructs/http-api.ts';
import type { StatefulStack } from './stateful-stack.ts';

export interface ApiStackProps extends StackProps {
  stateful: StatefulStack;
  /** Sender address of every email (a verified SES identity on AWS). */
  mailFrom: string;
}

/**
 * Stateless, part 1: the HttpApi with one function per route. A stack of its own because a
 * CloudFormation template holds at most 500 resources and each route brings seven (route,
 * integration, permission, function, role, policy, log group): together with the workflows, the API
 * passed 450 at 42 routes. The local stack reads this template and the workflows' as one
 * (infra/local/synth.ts).
 */
export class ApiStack extends Stack {
  readonly api: Api;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stateful } = props;
    const buckets = stateful.importedBuckets(this);
    this.api = new Api(this, 'Api', {
      table: stateful.data.table,
      documentsBucket: buckets.documents,
      lettersBucket: buckets.letters,
      userPool: stateful.signIn.userPool,
      webClient: stateful.signIn.webClient,
      mailFrom: props.mailFrom,
    });
  }
}
