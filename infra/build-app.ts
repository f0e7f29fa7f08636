import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack.ts';
import { LOG_RETENTION_CONTEXT, stageConfig } from './stage-config.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';
import { WebStack } from './web-stack.ts';

export const STATEFUL_STACK = 'foerderflow-stateful';
export const API_STACK = 'foerderflow-api';
export const STATELESS_STACK = 'foerderflow-stateless';
export const WEB_STACK = 'foerderflow-web';

/**
 * Builds the CDK app. `cdk synth` uses it through infra/app.ts; the local stack and the infra tests
 * call it in-process, so every one of them reads the same template.
 *
 * Four stacks, deployed in this order by `cdk deploy --all`: stateful (data and identity), api and
 * stateless (functions, workflows, alarms: split only by CloudFormation's 500-resource limit), web
 * (CloudFront). cdk-nag's AwsSolutions checks run on every synth; a finding that is not fixed must be
 * acknowledged on its construct with the reason (Validations.of(…).acknowledge).
 */
export function buildApp(props: AppProps = {}) {
  const app = new App(props);
  const config = stageConfig(app.node);
  // Read by AppFunction, the state machines and the API access log (see stage-config.ts).
  app.node.setContext(LOG_RETENTION_CONTEXT, config.logRetention);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, STATEFUL_STACK, { env, config });
  const api = new ApiStack(app, API_STACK, { env, stateful, mailFrom: config.mailFrom });
  const stateless = new StatelessStack(app, STATELESS_STACK, {
    env,
    stateful,
    api: api.api,
    mailFrom: config.mailFrom,
    ...(config.alarmEmail ? { alarmEmail: config.alarmEmail } : {}),
  });
  const web = new WebStack(app, WEB_STACK, { env, stateful, api, config });
  for (const stack of [stateful, api, stateless, web]) {
    Tags.of(stack).add('project', 'foerderflow');
    Tags.of(stack).add('stage', config.stage);
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, config, stateful, api, stateless, web };
}
