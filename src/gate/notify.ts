/**
 * `--notify <url>` and `notify:`: when a run ends, its verdict is posted to each webhook as JSON:
 * `text`, a one-paragraph summary that Slack, Mattermost and Rocket.Chat incoming webhooks show as
 * is, and `report`, the JSON report (null when the deploy command failed and nothing was judged;
 * `deploy` then says what ran). Network errors, 408, 429 and 5xx are retried with jittered backoff
 * (honouring Retry-After); other answers are not. A webhook that fails is a warning on stderr and
 * never changes the exit code. The URL is a secret (a Slack URL carries its token): messages name
 * a webhook by its position only, and the caller's stderr redacts the URLs as well.
 */
import { renderChatText, renderFailedDeployText } from '../reports/chat-text.js';
import { renderJson } from '../reports/json.js';
import type { CommandRun, RunResult } from '../types.js';

export interface NotifyInput {
  urls: readonly string[];
  /** The judged run (already redacted). */
  result?: RunResult;
  /** A deploy command that failed: nothing was judged. */
  failedDeploy?: CommandRun;
  name?: string;
  /** The report files written, named in the text. */
  reports?: readonly string[];
}

/** Attempts per webhook, the delay before the second one, and each attempt's deadline. */
export const NOTIFY_ATTEMPTS = 3;
const FIRST_DELAY_MS = 500;
const ATTEMPT_TIMEOUT_MS = 10_000;

/** Post to every webhook; resolves when all are done (delivered or given up), never rejects. */
export async function notifyRun(input: NotifyInput, stderr: (text: string) => void): Promise<void> {
  if (input.urls.length === 0) return;
  const body = JSON.stringify(
    input.result !== undefined
      ? { text: renderChatText(input.result, input.reports), report: JSON.parse(renderJson(input.result)) as unknown }
      : {
          text: renderFailedDeployText(input.name, input.failedDeploy as CommandRun),
          report: null,
          deploy: input.failedDeploy,
        },
  );
  await Promise.all(
    input.urls.map(async (url, i) => {
      const which = input.urls.length === 1 ? 'the webhook' : `webhook #${i + 1}`;
      const failure = await postWithRetries(url, body);
      if (failure === undefined) stderr(`notified ${which}\n`);
      else stderr(`warning: could not notify ${which} (URL hidden): ${failure}; the exit code is unchanged\n`);
    }),
  );
}

/** undefined when delivered, else why not (without the URL). */
async function postWithRetries(url: string, body: string): Promise<string | undefined> {
  let why = '';
  for (let attempt = 1; attempt <= NOTIFY_ATTEMPTS; attempt++) {
    let retryAfterMs: number | undefined;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return undefined;
      why = `HTTP ${response.status}`;
      const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
      if (!retryable) return `${why} (not retried)`;
      const after = Number(response.headers.get('retry-after'));
      if (Number.isFinite(after) && after >= 0) retryAfterMs = Math.min(after, 30) * 1000;
    } catch (error) {
      why = describeFetchError(error);
    }
    if (attempt < NOTIFY_ATTEMPTS) {
      const backoff = FIRST_DELAY_MS * 2 ** (attempt - 1) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, retryAfterMs ?? backoff));
    }
  }
  return `${why} after ${NOTIFY_ATTEMPTS} attempts`;
}

/** A fetch failure in words that carry no URL: the cause's code (ECONNREFUSED) or a timeout. */
function describeFetchError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${ATTEMPT_TIMEOUT_MS / 1000}s`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause !== undefined && typeof cause.code === 'string') return cause.code;
  return 'the request failed';
}

/** The spec's webhooks and --notify's, each once. */
export function notifyUrls(spec: readonly string[] | undefined, option: readonly string[] | undefined): string[] {
  return [...new Set([...(spec ?? []), ...(option ?? [])])];
}
