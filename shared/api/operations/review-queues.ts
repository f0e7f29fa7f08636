import { defineOperation } from '../operation.ts';
import {
  CallCounts,
  CallCountsParams,
  ReviewQueueExportQuery,
  ReviewQueuePage,
  ReviewQueueQuery,
} from '../schemas/review-queue.schema.ts';

export const listReviewQueueOperation = defineOperation({
  operationId: 'listReviewQueue',
  method: 'GET',
  path: '/api/review/applications',
  summary:
    'Arbeitsliste / Work queue. By call (callId, status; default: SUBMITTED, INCOMPLETE, IN_REVIEW, ' +
    'ASSESSED), the oldest submission first; or assignee=me (my open assignments, the earliest due ' +
    'first; dueSoon=<days>). Lines name title, organisation, call and status only, never content: a ' +
    'reviewer sees the call lists, and opens content through the single view after declaring. ' +
    'Cursor pagination (limit 1–100, default 25).',
  tags: ['review'],
  access: ['reviewer', 'approver'],
  handler: 'review/list-review-queue',
  query: ReviewQueueQuery,
  responses: { 200: { description: 'One page of the queue', schema: ReviewQueuePage } },
  problems: [401, 403],
});

export const exportReviewQueueOperation = defineOperation({
  operationId: 'exportReviewQueue',
  method: 'GET',
  path: '/api/review/applications/export.csv',
  summary:
    'Arbeitsliste als CSV / Work queue as CSV: the same filters, every page up to 10,000 lines ' +
    '(X-Export-Truncated: true when more were left out); UTF-8 with BOM, RFC 4180, header row in ' +
    'German (lang=en for English), separator=semicolon for German Excel.',
  tags: ['review'],
  access: ['reviewer', 'approver'],
  handler: 'review/export-review-queue',
  query: ReviewQueueExportQuery,
  responses: {
    200: {
      description: 'text/csv; charset=utf-8, as an attachment',
      headers: ['Content-Disposition', 'X-Export-Truncated'],
    },
  },
  problems: [401, 403],
});

export const countReviewQueueOperation = defineOperation({
  operationId: 'countReviewQueue',
  method: 'GET',
  path: '/api/review/calls/{callId}/counts',
  summary: 'Anträge je Status eines Aufrufs / Applications per status of a call',
  tags: ['review'],
  access: ['reviewer', 'approver'],
  handler: 'review/count-review-queue',
  params: CallCountsParams,
  responses: { 200: { description: 'The counts', schema: CallCounts } },
  problems: [401, 403],
});
