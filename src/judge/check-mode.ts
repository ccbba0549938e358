/**
 * How a check compares: `before-after` reads one query before and after the deploy; `canary` reads
 * a baseline and a candidate query over the same post window. The plan decides it, the judge uses it.
 */
export type CheckMode = 'before-after' | 'canary';
