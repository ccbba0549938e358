/**
 * How to add a command: write src/cli/commands/<name>.ts exporting a `CommandRegistration` that
 * declares the command's arguments, options and help on commander and, in its action, lazily
 * imports the command's work from its own folder and reports the exit code through `setCode`. Then list
 * it in src/cli/commands/index.ts. Only src/cli/ touches the process.
 */
import type { Command } from 'commander';
import type { ProcessIO } from '../process-io.js';

export type CommandRegistration = (program: Command, io: ProcessIO, setCode: (code: number) => void) => void;
