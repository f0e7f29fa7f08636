import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { ENTRY_METADATA } from '../constructs/app-function.ts';
import type { CfnTemplate, SynthesizedTemplates } from './synth.ts';

type Props = Record<string, unknown>;

/** What the local stack must create and run, read from the synthesized templates. */
export interface LocalPlan {
  tables: { logicalId: string; input: CreateTableCommandInput }[];
  buckets: { logicalId: string; name: string }[];
  userPool: {
    logicalId: string;
    clientLogicalId: string;
    groups: string[];
    clientAuthFlows: string[];
    /** Lambda triggers of the pool (e.g. PostConfirmation) → the entry file of the function it names. */
    triggers: Record<string, string>;
    /** The confirmation-code email; `{####}` stands for the code. */
    verificationEmail: { subject: string; message: string };
    /**
     * The email to an account an admin created (AdminCreateUser); `{username}` stands for the sign-in
     * name, `{####}` for the temporary password.
     */
    invitationEmail: { subject: string; message: string };
    /** OFF, OPTIONAL or ON, as the pool has it (OPTIONAL: whoever set up TOTP is asked for a code). */
    mfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON';
  };
  functions: { logicalId: string; entry: string; environment: Record<string, unknown> }[];
  routes: { routeKey: string; functionLogicalId: string; authorization: 'NONE' | 'JWT' }[];
  /** State machines with their definition as the template has it (a string or an Fn::Join). */
  stateMachines: { logicalId: string; definition: unknown }[];
  /** State machines started on a schedule (events rules), with the input each run gets. */
  schedules: { stateMachineLogicalId: string; expression: string; input: unknown }[];
  /** Stream → function mappings, with the filter patterns Lambda applies. */
  eventSources: { functionLogicalId: string; filters: string[]; batchSize: number }[];
  /** Export name → the stateful stack's value, as Fn::ImportValue needs it. */
  exports: Record<string, unknown>;
}

const resourcesOfType = (template: CfnTemplate, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

/** Local names: a table is named by its logical id, a bucket by its lower-cased logical id. */
export const localBucketName = (logicalId: string) => logicalId.toLowerCase();

function tableInput(name: string, props: Props): CreateTableCommandInput {
  const gsis = (props.GlobalSecondaryIndexes as Props[] | undefined) ?? [];
  const stream = props.StreamSpecification as { StreamViewType?: string } | undefined;
  return {
    TableName: name,
    AttributeDefinitions: props.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    KeySchema: props.KeySchema as CreateTableCommandInput['KeySchema'],
    BillingMode: 'PAY_PER_REQUEST',
    ...(gsis.length > 0
      ? {
          GlobalSecondaryIndexes: gsis.map((gsi) => ({
            IndexName: gsi.IndexName as string,
            KeySchema: gsi.KeySchema as NonNullable<CreateTableCommandInput['KeySchema']>,
            Projection: (gsi.Projection as { ProjectionType: 'ALL' }) ?? { ProjectionType: 'ALL' },
          })),
        }
      : {}),
    ...(stream?.StreamViewType
      ? {
          StreamSpecification: {
            StreamEnabled: true,
            StreamViewType: stream.StreamViewType as 'NEW_AND_OLD_IMAGES',
          },
        }
      : {}),
  };
}

/** Reads tables, buckets, the user pool, functions and routes out of the two templates. */
export function planFromTemplates({ stateful, stateless }: SynthesizedTemplates): LocalPlan {
  const tables = [
    ...resourcesOfType(stateful, 'AWS::DynamoDB::GlobalTable'),
    ...resourcesOfType(stateful, 'AWS::DynamoDB::Table'),
  ].map(([logicalId, resource]) => ({ logicalId, input: tableInput(logicalId, resource.Properties ?? {}) }));

  const buckets = resourcesOfType(stateful, 'AWS::S3::Bucket').map(([logicalId]) => ({
    logicalId,
    name: localBucketName(logicalId),
  }));

  const pools = resourcesOfType(stateful, 'AWS::Cognito::UserPool');
  const clients = resourcesOfType(stateful, 'AWS::Cognito::UserPoolClient');
  if (pools.length !== 1 || clients.length !== 1) {
    throw new Error(`expected one user pool and one client, found ${pools.length} and ${clients.length}`);
  }
  const [poolLogicalId] = pools[0] as [string, unknown];
  const [clientLogicalId, client] = clients[0] as [string, { Properties?: Props }];
  const [, pool] = pools[0] as [string, { Properties?: Props }];
  const triggers: Record<string, string> = {};
  for (const [trigger, target] of Object.entries(
    (pool.Properties?.LambdaConfig as Props | undefined) ?? {},
  )) {
    const functionLogicalId = (target as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0];
    const entry = functionLogicalId && stateful.Resources[functionLogicalId]?.Metadata?.[ENTRY_METADATA];
    if (typeof entry !== 'string')
      throw new Error(`user pool trigger ${trigger} names no function with an entry`);
    triggers[trigger] = entry;
  }
  const verification = (pool.Properties?.VerificationMessageTemplate as Props | undefined) ?? {};
  const verificationEmail = {
    subject: (verification.EmailSubject as string | undefined) ?? 'Your verification code',
    message: (verification.EmailMessage as string | undefined) ?? 'Your verification code is {####}.',
  };
  const invitation =
    ((pool.Properties?.AdminCreateUserConfig as Props | undefined)?.InviteMessageTemplate as
      | Props
      | undefined) ?? {};
  const invitationEmail = {
    subject: (invitation.EmailSubject as string | undefined) ?? 'Your temporary password',
    message:
      (invitation.EmailMessage as string | undefined) ??
      'Your username is {username} and temporary password is {####}.',
  };
  const groups = resourcesOfType(stateful, 'AWS::Cognito::UserPoolGroup').map(
    ([, group]) => (group.Properties?.GroupName as string) ?? '',
  );

  const functions = resourcesOfType(stateless, 'AWS::Lambda::Function')
    .filter(([, fn]) => typeof fn.Metadata?.[ENTRY_METADATA] === 'string')
    .map(([logicalId, fn]) => ({
      logicalId,
      entry: fn.Metadata?.[ENTRY_METADATA] as string,
      environment:
        ((fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
          ?.Variables as Record<string, unknown>) ?? {},
    }));

  const integrations = new Map(
    resourcesOfType(stateless, 'AWS::ApiGatewayV2::Integration').map(([logicalId, integration]) => {
      const uri = integration.Properties?.IntegrationUri as { 'Fn::GetAtt'?: [string, string] };
      const target = uri['Fn::GetAtt']?.[0];
      if (!target) throw new Error(`integration ${logicalId} does not point at a function of this stack`);
      return [logicalId, target] as const;
    }),
  );
  const routes = resourcesOfType(stateless, 'AWS::ApiGatewayV2::Route').map(([logicalId, route]) => {
    const props = route.Properties ?? {};
    const join = (props.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'];
    const integrationId = join[1][1].Ref;
    const functionLogicalId = integrations.get(integrationId);
    if (!functionLogicalId) throw new Error(`route ${logicalId} has no integration`);
    return {
      routeKey: props.RouteKey as string,
      functionLogicalId,
      authorization: (props.AuthorizationType as 'NONE' | 'JWT') ?? 'NONE',
    };
  });

  const stateMachines = resourcesOfType(stateless, 'AWS::StepFunctions::StateMachine').map(
    ([logicalId, machine]) => ({
      logicalId,
      definition: machine.Properties?.DefinitionString,
    }),
  );

  const eventSources = resourcesOfType(stateless, 'AWS::Lambda::EventSourceMapping').map(
    ([logicalId, mapping]) => {
      const props = mapping.Properties ?? {};
      const functionLogicalId = (props.FunctionName as { Ref?: string }).Ref;
      if (!functionLogicalId)
        throw new Error(`event source ${logicalId} does not name a function of this stack`);
      const filters = (
        (props.FilterCriteria as { Filters?: { Pattern: string }[] } | undefined)?.Filters ?? []
      ).map((filter) => filter.Pattern);
      return { functionLogicalId, filters, batchSize: (props.BatchSize as number | undefined) ?? 100 };
    },
  );

  const schedules = resourcesOfType(stateless, 'AWS::Events::Rule').flatMap(([, rule]) => {
    const props = rule.Properties ?? {};
    const targets = (props.Targets as { Arn?: { Ref?: string }; Input?: string }[] | undefined) ?? [];
    return targets
      .filter((target) => stateMachines.some((machine) => machine.logicalId === target.Arn?.Ref))
      .map((target) => ({
        stateMachineLogicalId: target.Arn?.Ref as string,
        expression: (props.ScheduleExpression as string | undefined) ?? '',
        input: target.Input ? (JSON.parse(target.Input) as unknown) : {},
      }));
  });

  const exports: Record<string, unknown> = {};
  for (const output of Object.values(stateful.Outputs ?? {})) {
    if (typeof output.Export?.Name === 'string') exports[output.Export.Name] = output.Value;
  }

  return {
    tables,
    buckets,
    userPool: {
      logicalId: poolLogicalId,
      clientLogicalId,
      groups,
      clientAuthFlows: (client.Properties?.ExplicitAuthFlows as string[]) ?? [],
      triggers,
      verificationEmail,
      invitationEmail,
      mfaConfiguration: (pool.Properties?.MfaConfiguration as 'OFF' | 'OPTIONAL' | 'ON' | undefined) ?? 'OFF',
    },
    functions,
    routes,
    stateMachines,
    schedules,
    eventSources,
    exports,
  };
}

/** Values of the local resources, by logical id, for resolving Ref and Fn::GetAtt (Arn). */
export interface LocalValues {
  refs: Record<string, string>;
  arns?: Record<string, string>;
  region: string;
  accountId: string;
}

/**
 * Resolves the CloudFormation intrinsics that appear in function environments: Ref, Fn::GetAtt (Arn),
 * Fn::ImportValue, Fn::Join and Fn::Sub. Anything else is an error, so a new kind of reference cannot
 * silently become a wrong value.
 */
export function resolveValue(value: unknown, values: LocalValues, exports: Record<string, unknown>): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object') {
    const [fn, arg] = Object.entries(value)[0] ?? [];
    switch (fn) {
      case 'Ref': {
        const pseudo: Record<string, string> = {
          'AWS::Region': values.region,
          'AWS::AccountId': values.accountId,
          'AWS::Partition': 'aws',
          'AWS::URLSuffix': 'amazonaws.com',
        };
        const resolved = pseudo[arg as string] ?? values.refs[arg as string];
        if (resolved === undefined) throw new Error(`cannot resolve Ref ${String(arg)} locally`);
        return resolved;
      }
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = arg as [string, string];
        const arn = values.arns?.[logicalId];
        if (arn === undefined || attribute !== 'Arn')
          throw new Error(`cannot resolve GetAtt ${logicalId}.${attribute}`);
        return arn;
      }
      case 'Fn::ImportValue': {
        const name = resolveValue(arg, values, exports);
        if (!(name in exports)) throw new Error(`no export named ${name}`);
        return resolveValue(exports[name], values, exports);
      }
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown[]];
        return parts.map((part) => resolveValue(part, values, exports)).join(separator);
      }
      case 'Fn::Sub': {
        const template = typeof arg === 'string' ? arg : (arg as [string])[0];
        return template.replace(/\$\{([^}]+)\}/g, (_, name: string) =>
          resolveValue(
            name.includes('.') ? { 'Fn::GetAtt': name.split('.') } : { Ref: name },
            values,
            exports,
          ),
        );
      }
    }
  }
  throw new Error(`cannot resolve ${JSON.stringify(value)} locally`);
}
