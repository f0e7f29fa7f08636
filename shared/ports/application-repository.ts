import type { Application, ApplicationEvent } from '../domain/application.ts';

export interface ApplicationRepository {
  /** Stores a new application with its first event, atomically; fails if the id exists. */
  create(application: Application, event: ApplicationEvent): Promise<void>;
  get(id: string): Promise<Application | undefined>;
  /**
   * Writes the next state of an application and its event, atomically, if the stored version is still
   * `expectedVersion` (optimistic lock); otherwise throws ConcurrentChangeError and writes nothing.
   */
  save(next: Application, event: ApplicationEvent, expectedVersion: number): Promise<void>;
}
