/**
 * GitHub Actions workflow commands (`::error title=...::message`), escaped as the runner unescapes
 * them (actions/toolkit's command.ts): in the message `%`, CR and LF; in a property also `:` and `,`.
 * Escaping `%` first keeps text such as `%0A` in a label from turning into a new line, and
 * escaping CR and LF keeps untrusted text from starting a command of its own on the next line.
 */

/** Escape a command's message. */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value (`title=...`). */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One workflow command line: `::command key=value,...::message`. */
export function formatWorkflowCommand(
  command: 'error' | 'warning' | 'notice',
  properties: Record<string, string>,
  message: string,
): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeWorkflowProperty(value)}`)
    .join(',');
  return `::${command}${props === '' ? '' : ` ${props}`}::${escapeWorkflowData(message)}`;
}
