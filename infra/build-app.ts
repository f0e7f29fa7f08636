import { App, type AppProps } from 'aws-cdk-lib';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';

export const STATEFUL_STACK = 'foerderflow-stateful';
export const STATELESS_STACK = 'foerderflow-stateless';

/**
 * Builds the CDK app. `cdk synth` uses it through infra/app.ts; the local stack and the infra tests
 * call it in-process, so every one of them reads the same template.
 */
export function buildApp(props: AppProps = {}) {
  const app = new App(props);
  const stage = String(app.node.tryGetContext('stage') ?? 'dev');
  const webOrigins = String(app.node.tryGetContext('webOrigins') ?? 'http://localhost:5173').split(',');
  const mailFrom = String(app.node.tryGetContext('mailFrom') ?? 'foerderflow@example.org');
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, STATEFUL_STACK, { env, retainData: stage === 'prod', webOrigins });
  const stateless = new StatelessStack(app, STATELESS_STACK, { env, stateful, mailFrom });
  return { app, stateful, stateless };
}
