import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

export interface MonitoringProps {
  httpApi: HttpApi;
  stateMachines: Record<string, IStateMachine>;
  dispatcher: IFunction;
  deadLetterQueue: IQueue;
  /** Who gets an email when an alarm fires; without it the alarms only show in CloudWatch. */
  alarmEmail?: string;
}

/**
 * Alarms for what needs a person: errors, throttles, follow-up work in the dead-letter queue and failed
 * workflow executions. One alarm per kind rather than per function (there are ~80 functions and a
 * template holds 500 resources): the Lambda alarms use the account's metrics for all functions, which
 * is exact when the deployment has its own account per stage, as AWS recommends and the README says.
 *
 * Alarm actions go to an SNS topic, encrypted with its own key (CloudWatch cannot publish to a topic
 * under the AWS-managed SNS key), with an optional email subscription.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const key = new Key(this, 'TopicKey', {
      description: 'foerderflow alarm topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        resources: ['*'], // in a key policy, "*" is this key
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new Topic(this, 'Topic', {
      masterKey: key,
      enforceSSL: true,
      displayName: 'foerderflow alarms',
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);

    const add = (
      name: string,
      description: string,
      metric: IMetric,
      threshold: number,
      evaluationPeriods = 1,
    ) => {
      const alarm = new Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
      return alarm;
    };
    const fiveMinutes = Duration.minutes(5);
    const lambda = (metricName: string) =>
      new Metric({ namespace: 'AWS/Lambda', metricName, statistic: 'Sum', period: fiveMinutes });

    // Handlers answer their own faults with a 500, so API errors show as 5xx rather than Lambda errors.
    add(
      'Api5xx',
      'The API answered with server errors (5xx): look at the access log and the function logs.',
      props.httpApi.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
      5,
    );
    add(
      'LambdaErrors',
      'Functions failed (workflow tasks, the dispatcher, triggers): look at the function logs.',
      lambda('Errors'),
      5,
    );
    add(
      'LambdaThrottles',
      'Functions were throttled: the account concurrency limit is reached, work is delayed.',
      lambda('Throttles'),
      1,
    );
    add(
      'DispatcherErrors',
      'The stream dispatcher failed: workflows are not being started (records retry from the stream).',
      props.dispatcher.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      3,
    );
    add(
      'DeadLetters',
      'Follow-up work gave up after retrying and is in the dead-letter queue: inspect and redrive it.',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      1,
    );
    const failed = Object.entries(props.stateMachines).map(([name, machine]) => [
      name,
      machine.metricFailed({ period: fiveMinutes, statistic: 'Sum' }),
    ]);
    // One alarm over every workflow: a metric expression sums their failed executions.
    add(
      'WorkflowsFailed',
      `Workflow executions failed (${failed.map(([name]) => name).join(', ')}): the dispatcher retries them; look at the state machine logs.`,
      new MathExpression({
        expression: failed.map((_, index) => `m${index}`).join(' + '),
        usingMetrics: Object.fromEntries(failed.map(([, metric], index) => [`m${index}`, metric as IMetric])),
        period: fiveMinutes,
        label: 'failed executions',
      }),
      1,
    );
    const timedOut = Object.values(props.stateMachines).map((machine) =>
      machine.metricTimedOut({ period: fiveMinutes, statistic: 'Sum' }),
    );
    add(
      'WorkflowsTimedOut',
      'Workflow executions timed out: a task hangs (SES, S3 or DynamoDB slow or unreachable).',
      new MathExpression({
        expression: timedOut.map((_, index) => `t${index}`).join(' + '),
        usingMetrics: Object.fromEntries(timedOut.map((metric, index) => [`t${index}`, metric])),
        period: fiveMinutes,
        label: 'timed-out executions',
      }),
      1,
    );
  }
}
