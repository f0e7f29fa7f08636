import { useState } from 'react';
import type { CallView } from '#shared/api/schemas/call.schema.ts';
import type { ReviewApplicationView } from '#shared/api/schemas/review.schema.ts';
import { announce } from '../../../components/live-region.tsx';
import { formatFileSize } from '../../../format.ts';
import { useLanguage } from '../../../i18n/language.tsx';
import { review as messages } from '../../../i18n/review.ts';
import { describeFailure } from './failure.ts';
import { loadDocumentLink } from './load.ts';

type Document = NonNullable<ReviewApplicationView['documents']>[number];

type LinkState =
  | { state: 'idle' }
  | { state: 'loading'; docId: string }
  | { state: 'opened'; docId: string; url: string }
  | { state: 'failed'; docId: string; message: string };

/**
 * The documents the applicants submitted (the verified ones), each to open in the browser or to save.
 * Both ask the API for a five-minute link first (GET …/documents/{docId}); opening shows it in a new tab
 * (as the status page opens a Bescheid), and a link to the same file stays beside the button in case a
 * blocker stopped the tab.
 */
export function DocumentsSection({
  applicationId,
  documents,
  call,
}: {
  applicationId: string;
  documents: readonly Document[];
  call: CallView;
}) {
  const { language } = useLanguage();
  const t = messages[language];
  const [link, setLink] = useState<LinkState>({ state: 'idle' });

  const typeName = (type: string) =>
    call.requiredDocuments.find((required) => required.id === type)?.label[language] ?? t.otherDocument;

  const fetchLink = async (document: Document, disposition: 'open' | 'download') => {
    setLink({ state: 'loading', docId: document.id });
    try {
      const answer = await loadDocumentLink(applicationId, document.id);
      if (disposition === 'open') {
        // The link is valid for minutes only: open it now (still within the click's user activation).
        window.open(answer.url, '_blank', 'noopener');
        setLink({ state: 'opened', docId: document.id, url: answer.url });
      } else {
        // Saved as an attachment: the page stays where it is.
        window.location.assign(answer.downloadUrl);
        setLink({ state: 'idle' });
      }
    } catch (error) {
      const message = describeFailure(error, t).message;
      setLink({ state: 'failed', docId: document.id, message });
      announce(`${t.documentFailed} ${message}`);
    }
  };

  return (
    <section className="review-section" id="documents" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t.documentsHeading}</h2>
      {documents.length === 0 ? (
        <p>{t.noDocuments}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t.documentsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnDocumentType}</th>
                <th scope="col">{t.columnFile}</th>
                <th scope="col" className="number">
                  {t.columnSize}
                </th>
                <th scope="col">{t.columnActions}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => {
                const busy = link.state === 'loading' && link.docId === document.id;
                return (
                  <tr key={document.id}>
                    <th scope="row">{typeName(document.type)}</th>
                    <td>{document.fileName}</td>
                    <td className="number">{formatFileSize(document.size, language)}</td>
                    <td>
                      <div className="document-actions">
                        <button
                          type="button"
                          className="link-button"
                          disabled={busy}
                          aria-label={t.openFile(document.fileName)}
                          onClick={() => void fetchLink(document, 'open')}
                        >
                          {busy ? t.opening : t.open}
                        </button>
                        <button
                          type="button"
                          className="link-button"
                          disabled={busy}
                          aria-label={t.downloadFile(document.fileName)}
                          onClick={() => void fetchLink(document, 'download')}
                        >
                          {t.download}
                        </button>
                      </div>
                      {link.state === 'opened' && link.docId === document.id ? (
                        <p>
                          <a href={link.url} target="_blank" rel="noopener noreferrer">
                            {t.openFallback(document.fileName)}
                          </a>
                        </p>
                      ) : null}
                      {link.state === 'failed' && link.docId === document.id ? (
                        <p className="field__error">
                          {t.documentFailed} {link.message}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
