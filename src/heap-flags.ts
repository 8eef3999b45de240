const GROWING_FLAG = /^--heap[-_]growing[-_]percent(=|$)/;

/** Checks whether the command line or NODE_OPTIONS already sets V8's `--heap-growing-percent`. */
export function heapFlagIsExplicit(execArgv: string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) => GROWING_FLAG.test(arg));
}
