import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ApiStack } from './api-stack.ts';
import { WebHosting } from './constructs/web-hosting.ts';
import type { StageConfig } from './stage-config.ts';
import type { StatefulStack } from './stateful-stack.ts';

export interface WebStackProps extends StackProps {
  stateful: StatefulStack;
  api: ApiStack;
  config: StageConfig;
}

/** Stateless, part 3: CloudFront with the web apps and `/api/*`, deployed after the API it points at. */
export class WebStack extends Stack {
  readonly web: WebHosting;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.web = new WebHosting(this, 'Web', {
      httpApi: props.api.api.httpApi,
      webClient: props.stateful.signIn.webClient,
      documentsBucket: props.stateful.importedBuckets(this).documents,
      removalPolicy: config.removalPolicy,
      accessLogDays: config.accessLogDays,
      ...(config.domainName && config.certificateArn
        ? { domain: { name: config.domainName, certificateArn: config.certificateArn } }
        : {}),
      ...(config.webAclArn ? { webAclArn: config.webAclArn } : {}),
    });
  }
}
