import type { ApplicationDocument } from '../../domain/document.ts';
import { applicationOfMember, type MemberDocumentDeps } from './member-application.ts';

/** The documents of an application, in upload order, for a member of its organisation (else: not found). */
export async function listDocuments(
  deps: MemberDocumentDeps,
  actor: { sub: string },
  applicationId: string,
): Promise<ApplicationDocument[]> {
  const application = await applicationOfMember(deps, actor, applicationId);
  return deps.documents.listByApplication(application.id);
}
