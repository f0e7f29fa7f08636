import type { CallView } from '../../../shared/api/schemas/call.schema.ts';
import { api } from '../../support/local-stack.ts';

/**
 * The seeded demo strand-C call (small projects, rolling, 5 % own share, 10 % flat rate, three mandatory
 * documents), open now. Taken by its id (im-<year>-c, see infra/local/seed.ts): other browser tests add
 * strand-C calls of their own (aCall(), no required documents) to the same stack, so "the first open
 * strand-C call" can be one of them.
 */
export async function demoSmallProjectsCall(): Promise<CallView> {
  const { body } = await api<{ items: CallView[] }>('GET', '/api/calls');
  const call = body.items.find((c) => /^im-\d{4}-c$/.test(c.id) && c.phase === 'open');
  if (!call) throw new Error('no open strand-C demo call');
  return call;
}
