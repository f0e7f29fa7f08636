import { useEditor } from './editor-context.tsx';

/**
 * Step 5: the documents the call asks for.
 *
 * SLOT: the uploads (progress bar, the server's verdict per document) are built as
 * `web/src/features/documents/documents-panel.tsx` → `DocumentsPanel({ applicationId, call, editable })`
 * by another engineer. Until it is on main this step lists what the call requires and says that uploading
 * comes here; replace the list and the notice with
 *   <DocumentsPanel applicationId={applicationId} call={call} editable />
 */
export function DocumentsStep() {
  const { t, call, language } = useEditor();
  return (
    <>
      <p>{t.documentsIntro}</p>
      <ul>
        {call.requiredDocuments.map((document) => (
          <li key={document.id}>
            {document.label[language]} ({document.mandatory ? t.documentsMandatory : t.documentsOptional})
          </li>
        ))}
      </ul>
      <p className="notice">{t.documentsComingSoon}</p>
    </>
  );
}
