import type * as z from 'zod/mini';
import type { TimelineEntryView } from '#shared/api/schemas/application.schema.ts';
import { formatDateTime } from '../format.ts';
import { useLanguage } from '../i18n/language.tsx';
import { timeline as messages } from '../i18n/timeline.ts';
import './timeline.css';

export type TimelineEntry = z.infer<typeof TimelineEntryView>;

/**
 * An application's history (GET …/timeline) as an ordered list, oldest first: when (Berlin time), what
 * happened in plain language (the server's text, in the request's language), and who — a member by
 * address, everything else as the funding body. The status page and the back office show it alike.
 */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { language } = useLanguage();
  const t = messages[language];
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={`${entry.at}-${entry.type}`}>
          <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
          <p className="timeline__title">{entry.title}</p>
          {entry.detail ? <p>{entry.detail}</p> : null}
          <p className="timeline__by">
            {entry.by.kind === 'member' && entry.by.email ? t.byMember(entry.by.email) : t.byFundingBody}
          </p>
        </li>
      ))}
    </ol>
  );
}
