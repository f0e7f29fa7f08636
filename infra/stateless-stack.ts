import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AssessmentWorkflow } from './constructs/assessment-workflow.ts';
import { DeadlinesWorkflow } from './constructs/deadlines-workflow.ts';
import { DecisionWorkflow } from './constructs/decision-workflow.ts';
import type { Api } from './constructs/http-api.ts';
import { IntakeWorkflow } from './constructs/intake-workflow.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { NachforderungWorkflow } from './constructs/nachforderung-workflow.ts';
import { ObjectionWorkflow } from './constructs/objection-workflow.ts';
import { StreamDispatcher } from './constructs/stream-dispatcher.ts';
import { WithdrawalWorkflow } from './constructs/withdrawal-workflow.ts';
import type { StatefulStack } from './stateful-stack.ts';

export interface StatelessStackProps extends StackProps {
  stateful: StatefulStack;
  /** The API (its own stack, see api-stack.ts): watched by the alarms here. */
  api: Api;
  /** Sender address of every email (a verified SES identity on AWS). */
  mailFrom: string;
  /** Who gets alarm emails (optional). */
  alarmEmail?: string;
}

/**
 * Stateless, part 2: the workflows, the stream dispatcher that starts them, the schedule of the
 * deadlines workflow, and the alarms over everything that runs.
 */
export class StatelessStack extends Stack {
  readonly intake: IntakeWorkflow;
  readonly withdrawal: WithdrawalWorkflow;
  readonly assessment: AssessmentWorkflow;
  readonly nachforderung: NachforderungWorkflow;
  readonly decision: DecisionWorkflow;
  readonly objection: ObjectionWorkflow;
  readonly dispatcher: StreamDispatcher;
  readonly deadlines: DeadlinesWorkflow;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful } = props;
    const buckets = stateful.importedBuckets(this);
    this.intake = new IntakeWorkflow(this, 'Intake', {
      table: stateful.data.table,
      lettersBucket: buckets.letters,
      mailFrom: props.mailFrom,
    });
    this.withdrawal = new WithdrawalWorkflow(this, 'Withdrawal', {
      table: stateful.data.table,
      mailFrom: props.mailFrom,
    });
    this.assessment = new AssessmentWorkflow(this, 'Assessment', {
      table: stateful.data.table,
      mailFrom: props.mailFrom,
    });
    this.nachforderung = new NachforderungWorkflow(this, 'Nachforderung', {
      table: stateful.data.table,
      mailFrom: props.mailFrom,
    });
    this.decision = new DecisionWorkflow(this, 'Decision', {
      table: stateful.data.table,
      lettersBucket: buckets.letters,
      mailFrom: props.mailFrom,
    });
    this.objection = new ObjectionWorkflow(this, 'Objection', {
      table: stateful.data.table,
      lettersBucket: buckets.letters,
      mailFrom: props.mailFrom,
    });
    this.dispatcher = new StreamDispatcher(this, 'Dispatcher', {
      table: stateful.data.table,
      workflows: {
        intake: this.intake.stateMachine,
        withdrawal: this.withdrawal.stateMachine,
        assessment: this.assessment.stateMachine,
        nachforderung: this.nachforderung.stateMachine,
        decision: this.decision.stateMachine,
        objection: this.objection.stateMachine,
      },
    });
    // Started by its schedule, not by the stream.
    this.deadlines = new DeadlinesWorkflow(this, 'Deadlines', {
      table: stateful.data.table,
      mailFrom: props.mailFrom,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      httpApi: props.api.httpApi,
      stateMachines: {
        intake: this.intake.stateMachine,
        withdrawal: this.withdrawal.stateMachine,
        assessment: this.assessment.stateMachine,
        nachforderung: this.nachforderung.stateMachine,
        decision: this.decision.stateMachine,
        objection: this.objection.stateMachine,
        deadlines: this.deadlines.stateMachine,
      },
      dispatcher: this.dispatcher.function,
      deadLetterQueue: this.dispatcher.deadLetterQueue,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    });
  }
}
