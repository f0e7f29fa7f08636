import type { Workflow } from '../domain/lifecycle.ts';
import type { WorkflowInput } from './workflow-input.ts';

interface ApplicationImage {
  itemType?: string;
  id?: string;
  status?: string;
  version?: number;
  pendingWork?: Workflow;
  pendingSince?: string;
}

/**
 * Which workflow a change of an application starts, if any. The stream filter already passes only
 * application items with pendingWork; this also skips writes that kept the same marker (a workflow
 * task updating the application while its work is pending), so one marking starts one workflow.
 */
export function workflowToStart(
  newImage: ApplicationImage | undefined,
  oldImage: ApplicationImage | undefined,
): WorkflowInput | undefined {
  if (newImage?.itemType !== 'Application' || !newImage.pendingWork || !newImage.pendingSince)
    return undefined;
  if (oldImage?.pendingWork === newImage.pendingWork && oldImage.pendingSince === newImage.pendingSince)
    return undefined;
  if (!newImage.id || !newImage.status || newImage.version === undefined) return undefined;
  return {
    applicationId: newImage.id,
    workflow: newImage.pendingWork,
    pendingSince: newImage.pendingSince,
    status: newImage.status,
    version: newImage.version,
  };
}
