import { setFlagsFromString } from 'node:v8';
import { heapFlagIsExplicit } from './heap-flags';

// By default V8 lets the heap grow to several times its live size between major collections.
// After a burst of work, such as a day of recap jobs, the server so kept tens of megabytes of
// garbage, and its RSS after the tutoring-day demo measured 268 MB. A fixed growth of 20% keeps
// it near 225 MB (`npm run bench`, row f) at the cost of more frequent collections. In single
// runs on one machine, the GraphQL session query went from 1,688 to 1,348 requests/s and join
// tokens from 2,316 to 1,931. `--optimize-for-size` kept the RSS at 191 MB but halved that
// throughput. An explicit `--heap-growing-percent` on the command line or in NODE_OPTIONS wins.
if (!heapFlagIsExplicit(process.execArgv, process.env.NODE_OPTIONS)) {
  setFlagsFromString('--heap-growing-percent=20');
}
