import { isEditable } from '../../shared/domain/application.ts';
import type { ApplicationDocument } from '../../shared/domain/document.ts';
import type { UploadPolicy } from '../../shared/domain/document-upload.ts';
import { ConcurrentChangeError } from '../../shared/domain/errors.ts';
import type { ApplicationRepository } from '../../shared/ports/application-repository.ts';
import type { DocumentRepository } from '../../shared/ports/document-repository.ts';
import type { DocumentStore, StoredObjectInfo, UploadForm } from '../../shared/ports/document-store.ts';

/**
 * The documents' table items in memory, with the DynamoDB adapter's conditions: every write needs the
 * application to be editable, settle needs the document still pending and the others as they were read.
 */
export class InMemoryDocuments implements DocumentRepository {
  readonly items = new Map<string, ApplicationDocument>();
  private readonly applications: Pick<ApplicationRepository, 'get'>;

  constructor(applications: Pick<ApplicationRepository, 'get'>) {
    this.applications = applications;
  }

  private async ensureEditable(applicationId: string) {
    const application = await this.applications.get(applicationId);
    if (!application || !isEditable(application.status)) throw new ConcurrentChangeError();
  }

  async listByApplication(applicationId: string) {
    return [...this.items.values()]
      .filter((document) => document.applicationId === applicationId)
      .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id))
      .map((document) => structuredClone(document));
  }

  async get(_applicationId: string, documentId: string) {
    const document = this.items.get(documentId);
    return document ? structuredClone(document) : undefined;
  }

  async create(document: ApplicationDocument) {
    await this.ensureEditable(document.applicationId);
    if (this.items.has(document.id)) throw new ConcurrentChangeError();
    this.items.set(document.id, structuredClone(document));
  }

  async settle(
    settled: ApplicationDocument,
    effects: { replaced: readonly ApplicationDocument[]; stillPending: readonly ApplicationDocument[] },
  ) {
    await this.ensureEditable(settled.applicationId);
    const holds = (id: string, status: ApplicationDocument['status']) =>
      this.items.get(id)?.status === status;
    if (
      !holds(settled.id, 'pending') ||
      !effects.replaced.every((document) => holds(document.id, document.status)) ||
      !effects.stillPending.every((document) => holds(document.id, 'pending'))
    ) {
      throw new ConcurrentChangeError();
    }
    this.items.set(settled.id, structuredClone(settled));
    for (const document of effects.replaced) this.items.delete(document.id);
  }

  async delete(document: ApplicationDocument) {
    await this.ensureEditable(document.applicationId);
    if (!this.items.delete(document.id)) throw new ConcurrentChangeError();
  }
}

/** A bucket in memory: what the browser would have uploaded under each key. */
export class InMemoryDocumentStore implements DocumentStore {
  readonly objects = new Map<string, Uint8Array>();
  readonly deleted: string[] = [];
  /** Keys whose deletion fails, as S3 may. */
  readonly failingDeletes = new Set<string>();
  reads = 0;

  async presignUpload(policy: UploadPolicy): Promise<UploadForm> {
    return { url: 'https://bucket.example/', fields: { key: policy.key, ...policy.fields } };
  }

  async head(key: string): Promise<StoredObjectInfo | undefined> {
    const object = this.objects.get(key);
    return object ? { size: object.length, etag: `"${object.length}"` } : undefined;
  }

  async readFirstBytes(key: string, count: number) {
    this.reads++;
    const object = this.objects.get(key);
    if (!object) throw new ConcurrentChangeError();
    return object.slice(0, count);
  }

  async delete(key: string) {
    if (this.failingDeletes.has(key)) throw new Error('S3 is unavailable');
    this.objects.delete(key);
    this.deleted.push(key);
  }
}
