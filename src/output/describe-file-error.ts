/** File-system errors in words a user can act on: `EFBIG: file too large`, never a stack trace. */

/** The error's code and its description (`ENOSPC: no space left on device`); the code alone, or the message, when that is all there is. */
export function describeFileError(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  if (typeof code !== 'string') return text;
  // Node writes "ENOSPC: no space left on device, write" (then sometimes the path): keep the first part.
  const described = new RegExp(`^${code}: ([^,]+)`).exec(text);
  return described ? `${code}: ${described[1]}` : code;
}
