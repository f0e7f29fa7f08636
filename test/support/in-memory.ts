import type { Call } from '../../shared/api/schemas/call.schema.ts';
import type { OrganisationProfile } from '../../shared/api/schemas/organisation.schema.ts';
import { type Application, type ApplicationEvent, formatReference } from '../../shared/domain/application.ts';
import type { ApplicationDocument } from '../../shared/domain/document.ts';
import { ConcurrentChangeError, IdempotencyKeyTakenError } from '../../shared/domain/errors.ts';
import type { IdempotencyRecord } from '../../shared/domain/idempotency.ts';
import type { ApplicationRepository } from '../../shared/ports/application-repository.ts';
import { anOrganisationProfile } from './organisations.ts';

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

  readonly answers = new Map<string, IdempotencyRecord>();

  async save(
    next: Application,
    event: ApplicationEvent,
    expectedVersion: number,
    options: { idempotency?: IdempotencyRecord; verifiedDocuments?: readonly string[] } = {},
  ) {
    const { idempotency } = options;
    if (idempotency && this.answers.has(`${idempotency.scope}#${idempotency.key}`)) {
      throw new IdempotencyKeyTakenError();
    }
    if (this.items.get(next.id)?.version !== expectedVersion) throw new ConcurrentChangeError();
    this.items.set(next.id, structuredClone(next));
    this.events.push(event);
    if (idempotency)
      this.answers.set(`${idempotency.scope}#${idempotency.key}`, structuredClone(idempotency));
  }

  /** The IdempotencyReader over the answers stored with saves. */
  readonly idempotency = {
    find: async (scope: string, key: string) => structuredClone(this.answers.get(`${scope}#${key}`)),
  };

  async listEvents(id: string) {
    return this.events.filter((event) => event.applicationId === id).map((event) => structuredClone(event));
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

export function fakeDeps(options: {
  calls: Call[];
  members: [orgId: string, sub: string][];
  now: Date;
  /** Organisation profiles by id; every organisation has a complete one unless given here. */
  organisations?: Record<string, OrganisationProfile | undefined>;
  documents?: ApplicationDocument[];
}) {
  const applications = new InMemoryApplications();
  let n = 0;
  return {
    applications,
    idempotency: applications.idempotency,
    organisations: {
      get: async (orgId: string) =>
        options.organisations && orgId in options.organisations
          ? options.organisations[orgId]
          : anOrganisationProfile(),
    },
    documents: {
      listByApplication: async (applicationId: string) =>
        (options.documents ?? []).filter((document) => document.applicationId === applicationId),
    },
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
