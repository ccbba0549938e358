/**
 * Which request headers carry credentials: one pattern for every place that decides it (the spec
 * reader collects their values as secrets to redact, the sources redact their own messages), so
 * a header the source treats as a credential is never printed by the rest of the program.
 * Broad on purpose (custom API keys, session cookies, X-Auth-Key): a false match only redacts a
 * harmless value, a miss prints a credential.
 */
const CREDENTIAL_HEADER = /auth|token|key|secret|pass|cookie|session|credential/i;

/** Whether the value of header `name` is a credential. */
export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADER.test(name);
}
