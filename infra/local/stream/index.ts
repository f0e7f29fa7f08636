// Local stand-in for Lambda's DynamoDB event source mapping: stream poller and Lambda event filtering.
export { compileFilters, FilterPatternError, type RecordFilter } from './event-filter.ts';
export {
  type StreamFailure,
  type StreamHandlerResult,
  type StreamPoller,
  type StreamPollerOptions,
  startStreamPoller,
} from './stream-poller.ts';
