const SIZE_FLAG = /^--(no-)?optimize[-_]for[-_]size$/;

/** Checks whether the command line or NODE_OPTIONS already sets V8's `--optimize-for-size`. */
export function heapFlagIsExplicit(execArgv: string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) => SIZE_FLAG.test(arg));
}
