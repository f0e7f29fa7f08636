import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCheckpoint, writeCheckpoint } from '../../../infra/local/stream/checkpoint-file.ts';

const root = mkdtempSync(join(tmpdir(), 'foerderflow-checkpoint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const STREAM_ARN = 'arn:aws:dynamodb:ddblocal:000000000000:table/t/stream/2026-01-01T00:00:00.000';

describe('checkpoint file', () => {
  it('is absent before the first write', async () => {
    expect(await readCheckpoint(join(root, 'none', 'checkpoint.json'))).toBeUndefined();
  });

  it('round-trips, creating the folder, and leaves no temporary file behind', async () => {
    const file = join(root, 'nested', 'folder', 'checkpoint.json');
    const checkpoint = {
      streamArn: STREAM_ARN,
      shards: { 'shardId-1': { sequenceNumber: '000000000000000000005', finished: true }, 'shardId-2': {} },
    };

    await writeCheckpoint(file, checkpoint);
    await writeCheckpoint(file, checkpoint);

    expect(await readCheckpoint(file)).toEqual(checkpoint);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
    expect(readdirSync(join(root, 'nested', 'folder'))).toEqual(['checkpoint.json']);
  });

  it.each([
    ['', /not valid JSON/],
    ['{"version": 1, "streamArn": "a", "shards": {', /not valid JSON/],
    ['[]', /not a JSON object/],
    ['{"version": 2, "streamArn": "a", "shards": {}}', /unknown version 2/],
    ['{"version": 1, "shards": {}}', /no streamArn/],
    ['{"version": 1, "streamArn": "a"}', /no shards object/],
    ['{"version": 1, "streamArn": "a", "shards": {"s": {"sequenceNumber": 5}}}', /invalid sequenceNumber 5/],
    [
      '{"version": 1, "streamArn": "a", "shards": {"s": {"sequenceNumber": "abc"}}}',
      /invalid sequenceNumber/,
    ],
    ['{"version": 1, "streamArn": "a", "shards": {"s": {"finished": "yes"}}}', /invalid finished flag/],
  ])('refuses a corrupt file (%s) with a clear message', async (content, problem) => {
    const file = join(root, 'corrupt.json');
    writeFileSync(file, content);

    const reading = readCheckpoint(file);

    await expect(reading).rejects.toThrow(problem);
    await expect(reading).rejects.toThrow(
      /Stream checkpoint .*corrupt\.json is unreadable: .* Fix or delete it/,
    );
  });

  it('refuses a path it cannot read as a file', async () => {
    await expect(readCheckpoint(root)).rejects.toThrow(/is unreadable: EISDIR/);
  });
});
