import type { Call } from '../../shared/api/schemas/call.schema.ts';
import { type Application, type ApplicationEvent, formatReference } from '../../shared/domain/application.ts';
import { ConcurrentChangeError } from '../../shared/domain/errors.ts';
import type { ApplicationRepository } from '../../shared/ports/application-repository.ts';

/** In-memory fakes of the ports, for unit tests: no network, same contract as the DynamoDB adapters. */
export class InMemoryApplications implements ApplicationRepository {
  readonly items = new Map<string, Application>();
  readonly events: ApplicationEvent[] = [];

  async create(application: Application, event: ApplicationEvent) {
    if (this.items.has(application.id)) throw new Error('exists');
    this.items.set(application.id, structuredClone(application));
    this.events.push(event);
  }

  async get(id: string) {
    const item = this.items.get(id);
    return item ? structuredClone(item) : undefined;
  }

  async save(next: Application, event: ApplicationEvent, expectedVersion: number) {
    if (this.items.get(next.id)?.version !== expectedVersion) throw new ConcurrentChangeError();
    this.items.set(next.id, structuredClone(next));
    this.events.push(event);
  }

  async listByOrganisation(orgId: string) {
    return [...this.items.values()]
      .filter((application) => application.orgId === orgId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((application) => structuredClone(application));
  }

  readonly counters = new Map<string, number>();

  async assignReference(input: {
    id: string;
    prefix: string;
    expectedVersion: number;
    actor: string;
    at: string;
  }) {
    const application = this.items.get(input.id);
    if (application?.reference) return application.reference;
    if (!application || application.version !== input.expectedVersion) throw new ConcurrentChangeError();
    const seq = (this.counters.get(input.prefix) ?? 0) + 1;
    this.counters.set(input.prefix, seq);
    const reference = formatReference(input.prefix, seq);
    this.items.set(input.id, { ...application, reference, version: application.version + 1 });
    return reference;
  }

  async clearPendingWork(id: string, pendingSince: string) {
    const application = this.items.get(id);
    if (!application || application.pendingSince !== pendingSince) return false;
    const { pendingWork: _work, pendingSince: _since, ...rest } = application;
    this.items.set(id, rest);
    return true;
  }
}

export function fakeDeps(options: { calls: Call[]; members: [orgId: string, sub: string][]; now: Date }) {
  const applications = new InMemoryApplications();
  let n = 0;
  return {
    applications,
    calls: {
      list: async () => options.calls,
      get: async (id: string) => options.calls.find((call) => call.id === id),
    },
    memberships: {
      isMember: async (orgId: string, sub: string) =>
        options.members.some(([o, s]) => o === orgId && s === sub),
    },
    clock: { now: () => options.now },
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}
