import { describe, expect, it } from 'vitest';
import {
  describeInitialJs,
  INITIAL_JS_BUDGET_GZIP_BYTES,
  measureInitialJs,
} from '../../infra/local/portal.ts';

describe('the portal bundle', () => {
  it('loads at most 200 kB of gzipped JavaScript before the first page shows', () => {
    // Built by the e2e global setup from the current sources, as served to the browser tests.
    const size = measureInitialJs();
    console.log(`portal: ${describeInitialJs(size)}`);
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_GZIP_BYTES);
  });
});
