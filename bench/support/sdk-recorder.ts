import * as dynamodb from '@aws-sdk/client-dynamodb';
import type { RecordedCall } from './sdk-replay.ts';

type MiddlewareStack = dynamodb.DynamoDBClient['middlewareStack'];

/**
 * Records every low-level call a DynamoDB client (or the Document client over it, which shares its
 * middleware stack) sends: its command, its marshalled input and when it ran. `take()` hands over what
 * was recorded since the last take.
 */
export function recordCalls(stack: MiddlewareStack): { take(): RecordedCall[]; stop(): void } {
  let recorded: RecordedCall[] = [];
  stack.add(
    (next, context) => async (args) => {
      const startedAt = performance.now();
      const input = structuredClone(args.input) as Record<string, unknown>;
      try {
        return await next(args);
      } finally {
        recorded.push({ command: String(context.commandName), input, startedAt, endedAt: performance.now() });
      }
    },
    // After the Document client's marshalling (initialize): the input is in DynamoDB's own format.
    { step: 'build', name: 'benchRecordCalls', override: true },
  );
  return {
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    stop: () => stack.remove('benchRecordCalls'),
  };
}

type CommandClass = new (
  input: never,
) => dynamodb.DynamoDBClient extends { send(c: infer C): unknown } ? C : never;

/** Sends one recorded call again with a bare client (the low-level command of the same name). */
export async function sendRaw(
  client: dynamodb.DynamoDBClient,
  command: string,
  input: Record<string, unknown>,
) {
  const Command = (dynamodb as unknown as Record<string, CommandClass>)[command];
  if (!Command) throw new Error(`no DynamoDB command ${command}`);
  await client.send(new Command(input as never) as never);
}
