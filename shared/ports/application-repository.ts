import type { Application, ApplicationEvent } from '../domain/application.ts';

export interface ApplicationRepository {
  /** Stores a new application with its first event, atomically; fails if the id exists. */
  create(application: Application, event: ApplicationEvent): Promise<void>;
  get(id: string): Promise<Application | undefined>;
}
