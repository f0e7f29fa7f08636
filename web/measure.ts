// `npm run build:web` ends with this: prints the initial JavaScript against its budget, fails above it.
import { describeInitialJs, INITIAL_JS_BUDGET_GZIP_BYTES, measureInitialJs } from '../infra/local/portal.ts';

const size = measureInitialJs();
console.log(`portal: ${describeInitialJs(size)}`);
if (size.gzipBytes > INITIAL_JS_BUDGET_GZIP_BYTES) {
  console.error('portal: over budget — load the new pages lazily (see web/README.md)');
  process.exit(1);
}
