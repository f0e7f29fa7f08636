import { describe, expect, it } from 'vitest';
import { answerOncePerKey, requestFingerprint } from '../../../shared/http/idempotency-key.ts';
import { ProblemError } from '../../../shared/http/problem.ts';
import type { IdempotentRequest } from '../../../shared/use-cases/idempotent-request.ts';

const request = {
  method: 'POST',
  path: '/api/applications/a-1/withdraw',
  body: { reason: 'Projekt entfällt' },
};
const answer = (result: { id: string }) => ({ status: 200, body: { applicationId: result.id } });

describe('answerOncePerKey', () => {
  it('runs the use case without a key when the client sent none, and answers its result', async () => {
    let given: IdempotentRequest<{ id: string }> | undefined | 'not run' = 'not run';
    const response = await answerOncePerKey({
      headers: {},
      request,
      run: async (idempotency) => {
        given = idempotency;
        return { result: { id: 'a-1' } };
      },
      answer,
    });
    expect(given).toBeUndefined();
    expect(response).toEqual({ status: 200, body: { applicationId: 'a-1' } });
  });

  it('hands the use case the key (unquoted), the request fingerprint and how to write the answer down', async () => {
    let given: IdempotentRequest<{ id: string }> | undefined;
    await answerOncePerKey({
      headers: { 'idempotency-key': ' "3f0b6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f" ' },
      request,
      run: async (idempotency) => {
        given = idempotency;
        return { result: { id: 'a-1' } };
      },
      answer,
    });
    expect(given?.key).toBe('3f0b6c1e-8d2a-4c5b-9e7f-1a2b3c4d5e6f');
    expect(given?.fingerprint).toBe(requestFingerprint(request.method, request.path, request.body));
    expect(given?.answer({ id: 'a-1' })).toEqual({ status: 200, body: { applicationId: 'a-1' } });
  });

  it('answers a retry with the answer stored the first time', async () => {
    const stored = { status: 200, body: { applicationId: 'a-1', first: true } };
    const response = await answerOncePerKey({
      headers: { 'idempotency-key': 'key-0001' },
      request,
      run: async () => ({ replay: stored }),
      answer,
    });
    expect(response).toBe(stored);
  });

  it('refuses a malformed key with 422 on the header, before the use case runs', async () => {
    let ran = false;
    const attempt = answerOncePerKey({
      headers: { 'idempotency-key': 'short' },
      request,
      run: async () => {
        ran = true;
        return { result: { id: 'a-1' } };
      },
      answer,
    });
    await expect(attempt).rejects.toBeInstanceOf(ProblemError);
    await expect(attempt).rejects.toMatchObject({
      status: 422,
      errors: [{ path: 'Idempotency-Key', in: 'header', code: 'invalid-idempotency-key' }],
    });
    expect(ran).toBe(false);
  });
});
