/** Every command, in the order `--help` lists them. */
import { registerRun } from './run.js';
import type { CommandRegistration } from './types.js';
import { registerValidate } from './validate.js';

export const commandRegistrations: readonly CommandRegistration[] = [registerRun, registerValidate];
