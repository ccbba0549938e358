/** Every command, in the order `--help` lists them. */
import { registerBacktest } from './backtest.js';
import { registerCheck } from './check.js';
import { registerDemo } from './demo.js';
import { registerInit } from './init.js';
import { registerRun } from './run.js';
import { registerSnapshot } from './snapshot.js';
import type { CommandRegistration } from './types.js';
import { registerValidate } from './validate.js';

export const commandRegistrations: readonly CommandRegistration[] = [
  registerRun,
  registerValidate,
  registerCheck,
  registerBacktest,
  registerSnapshot,
  registerInit,
  registerDemo,
];
