import { DocumentsPanel } from '../documents/documents-panel.tsx';
import { useEditor } from './editor-context.tsx';

/**
 * Step 5: the documents the call asks for, uploaded with a progress bar and the server's verdict on
 * each (DocumentsPanel). Its list of documents is kept by the editor, so the summary and the step
 * indicator know which mandatory documents are still missing.
 */
export function DocumentsStep() {
  const { call, applicationId, setDocuments } = useEditor();
  return <DocumentsPanel applicationId={applicationId} call={call} editable onChange={setDocuments} />;
}
