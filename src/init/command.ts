/** `verify-deploy init`: write a commented starter spec. */
import { lstat } from 'node:fs/promises';
import type { CommandIO } from '../command-io.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../errors.js';
import { renderStarterSpec, type StarterSource } from './templates.js';
import { checkOutputPath } from '../output/check-output-path.js';
import { describeFileError } from '../output/describe-file-error.js';
import { writeFileAtomically } from '../output/write-file-atomically.js';

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
    // The starter is the product here: not delivered is "cannot be written" (exit 2), never a success.
    await io.flushStdout?.().catch((error: unknown) => {
      throw new UsageError(`cannot print the starter spec to stdout: ${describeFileError(error)}`);
    });
    return ExitCode.pass;
  }
  // Anything at the path (a file, a link) is kept unless --force.
  const existing = await lstat(options.out).catch(() => undefined);
  if (existing !== undefined && !options.force)
    throw new UsageError(`${options.out} already exists: pass --force to overwrite it, or --out another file`);
  await checkOutputPath(options.out, '--out');
  try {
    await writeFileAtomically(options.out, text);
  } catch (error) {
    throw new UsageError(`cannot write ${options.out}: ${describeFileError(error)}`);
  }
  io.stdout(
    `wrote ${options.out} (a ${options.source} starter)\nnext: edit it, then verify-deploy validate ${options.out}\n`,
  );
  return ExitCode.pass;
}
