import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const READ_COMMANDS = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
]);
const WRITE_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

type Consumed = { CapacityUnits?: number };

/**
 * Asks DynamoDB for the capacity every call of this client consumes (ReturnConsumedCapacity TOTAL) and
 * adds it up as read or write units by the kind of call. The functions share one client
 * (shared/adapters/clients.ts), so this sees all their calls; the bench's own helpers use other clients.
 */
export function countCapacity(stack: DynamoDBClient['middlewareStack']) {
  const units = { readUnits: 0, writeUnits: 0, callsWithoutCapacity: 0 };
  stack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName);
      const counted = READ_COMMANDS.has(command) || WRITE_COMMANDS.has(command);
      if (counted) (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      if (!counted) return result;
      const consumed = (result.output as { ConsumedCapacity?: Consumed | Consumed[] }).ConsumedCapacity;
      const total = [consumed ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      if (consumed === undefined) units.callsWithoutCapacity++;
      if (READ_COMMANDS.has(command)) units.readUnits += total;
      else units.writeUnits += total;
      return result;
    },
    { step: 'initialize', name: 'benchCountCapacity', override: true },
  );
  return {
    take() {
      const taken = { ...units };
      units.readUnits = 0;
      units.writeUnits = 0;
      units.callsWithoutCapacity = 0;
      return taken;
    },
    stop: () => stack.remove('benchCountCapacity'),
  };
}

/**
 * Counts the HTTP requests this process sends to S3 (s3rver), by S3's price classes: PUT, POST, COPY
 * and LIST, and GET, HEAD and the rest (DELETE is free, left out). Seen through node:http's diagnostics
 * channel, which the SDK's HTTP handler goes through; fetch() does not, so a browser's download through
 * a presigned link is counted by whoever fetches it.
 */
export function countS3Requests(s3Endpoint: string) {
  const host = new URL(s3Endpoint).host;
  const counts = { writeRequests: 0, readRequests: 0 };
  const listener = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    if (String(request.getHeader('host')) !== host) return;
    const [pathname = '', query = ''] = request.path.split('?');
    const isList =
      request.method === 'GET' &&
      (pathname.split('/').filter(Boolean).length <= 1 || /(^|&)list-type=/.test(query));
    if (request.method === 'DELETE') return;
    if (request.method === 'PUT' || request.method === 'POST' || isList) counts.writeRequests++;
    else counts.readRequests++;
  };
  diagnostics.subscribe('http.client.request.start', listener);
  return {
    counts,
    stop: () => diagnostics.unsubscribe('http.client.request.start', listener),
  };
}
