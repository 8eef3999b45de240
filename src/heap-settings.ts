import { setFlagsFromString } from 'node:v8';
import { heapFlagIsExplicit } from './heap-flags';

// V8 sizes its heap for throughput by default, and after a burst of work, such as a day of recap
// jobs, it keeps tens of megabytes of garbage for minutes. `--optimize-for-size` grows the heap
// more slowly and collects sooner: after the tutoring-day demo the server's RSS measured about
// 190 to 200 MB with it and 260 to 270 MB without (`npm run bench`, row f). An explicit
// `--optimize-for-size` or `--no-optimize-for-size` on the command line or in NODE_OPTIONS takes
// precedence.
if (!heapFlagIsExplicit(process.execArgv, process.env.NODE_OPTIONS)) {
  setFlagsFromString('--optimize-for-size');
}
