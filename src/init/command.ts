/** `verify-deploy init`: write a commented starter spec. */
import { writeFile } from 'node:fs/promises';
import type { CommandIO } from '../command-io.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../errors.js';
import { renderStarterSpec, type StarterSource } from './templates.js';

export interface InitOptions {
  source: StarterSource;
  out: string;
  force: boolean;
}

/** Write the starter (or print it with `--out -`); an existing file is kept unless --force. */
export async function initCommand(options: InitOptions, io: CommandIO): Promise<number> {
  const text = renderStarterSpec(options.source);
  if (options.out === '-') {
    io.stdout(text);
    return ExitCode.pass;
  }
  try {
    await writeFile(options.out, text, { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${options.out} already exists: pass --force to overwrite it, or --out another file`);
    throw new UsageError(`cannot write ${options.out}: ${code ?? String(error)}`);
  }
  io.stdout(`wrote ${options.out} (a ${options.source} starter)\nnext: edit it, then verify-deploy validate ${options.out}\n`);
  return ExitCode.pass;
}
