/**
 * The cold-start section's floor for a function: a bundle that holds only the AWS SDK clients the function
 * itself uses, built the same way. Pure parts here (unit-tested); the building is in bundles.ts.
 */

/**
 * The SDK packages the project uses directly, with the client each one contributes to a floor. A package
 * the project adds to its dependencies must be added here, or the floor would miss it (sdkPackagesIn says so).
 */
export const FLOOR_CLIENTS: Record<string, { importLine: string; instance: string }> = {
  '@aws-sdk/client-dynamodb': {
    importLine: "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    instance: 'new DynamoDBClient({})',
  },
  // The Document client wraps the DynamoDB client; functions use it rather than the bare client.
  '@aws-sdk/lib-dynamodb': {
    importLine: "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    instance: 'DynamoDBDocumentClient.from(new DynamoDBClient({}))',
  },
  '@aws-sdk/client-s3': {
    importLine: "import { S3Client } from '@aws-sdk/client-s3';",
    instance: 'new S3Client({})',
  },
  '@aws-sdk/client-sfn': {
    importLine: "import { SFNClient } from '@aws-sdk/client-sfn';",
    instance: 'new SFNClient({})',
  },
  '@aws-sdk/client-sesv2': {
    importLine: "import { SESv2Client } from '@aws-sdk/client-sesv2';",
    instance: 'new SESv2Client({})',
  },
  '@aws-sdk/client-cognito-identity-provider': {
    importLine: "import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';",
    instance: 'new CognitoIdentityProviderClient({})',
  },
  '@aws-sdk/client-dynamodb-streams': {
    importLine: "import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';",
    instance: 'new DynamoDBStreamsClient({})',
  },
};

/**
 * The SDK client packages a bundle pulls in, from its inputs (the source map's `sources` or a metafile's
 * inputs): the package that holds each input file (the innermost node_modules folder), kept if it is one
 * of FLOOR_CLIENTS. Clients the SDK pulls in for itself (STS for the credential chain) are not the
 * function's: a floor bundle pulls them in the same way. Sorted, so equal sets share one floor.
 */
export function sdkPackagesIn(inputs: readonly string[]): string[] {
  const packages = new Set<string>();
  for (const input of inputs) {
    const match = /.*node_modules\/(@aws-sdk\/[^/]+)\//.exec(input.replaceAll('\\', '/'));
    const name = match?.[1];
    if (name && name in FLOOR_CLIENTS) packages.add(name);
  }
  return [...packages].sort();
}

/** The source of a floor entry: imports and instantiates the clients, and exports a handler that keeps them. */
export function floorSource(packages: readonly string[]): string {
  const clients = packages.map((name) => {
    const client = FLOOR_CLIENTS[name];
    if (!client) throw new Error(`no floor client for ${name}: add it to FLOOR_CLIENTS`);
    return client;
  });
  // lib-dynamodb's instance names DynamoDBClient: import it even when only the Document client is listed.
  const imports = new Set(clients.map((c) => c.importLine));
  if (packages.includes('@aws-sdk/lib-dynamodb'))
    imports.add(FLOOR_CLIENTS['@aws-sdk/client-dynamodb']?.importLine as string);
  return [
    ...[...imports].sort(),
    `const clients = [${clients.map((c) => c.instance).join(', ')}];`,
    'export const handler = async () => clients.length;',
    '',
  ].join('\n');
}

/** A short, stable name for a set of packages ('dynamodb+lib-dynamodb+s3'); 'none' for no SDK at all. */
export function floorName(packages: readonly string[]): string {
  if (packages.length === 0) return 'none';
  return packages.map((name) => name.replace('@aws-sdk/', '').replace(/^client-/, '')).join('+');
}
