/** Rules that span several keys of a Prometheus source. */
import type { ReadContext } from '../../fields/read-context.js';
import type { ReadObject } from '../../fields/read-value.js';
import type { JsonSchema } from '../../fields/value-types.js';

/** JSON Schema form of the auth rule: `bearer`, or `username` + `password`. */
export const authSchema: JsonSchema = {
  oneOf: [
    { required: ['bearer'], not: { anyOf: [{ required: ['username'] }, { required: ['password'] }] } },
    { required: ['username', 'password'], not: { required: ['bearer'] } },
  ],
};

/** `auth` holds either a bearer token or a username and password, never both. */
export function validateAuth(source: ReadObject, ctx: ReadContext): void {
  const auth = source.values.auth as ReadObject | undefined;
  if (!('auth' in source.nodes) || auth === undefined) return; // absent, or a wrong type already reported
  const at = auth.node ?? source.nodes.auth;
  const has = (key: string): boolean => key in auth.nodes;
  const who = `"auth" in ${source.where.owner}`;
  if (has('bearer') && (has('username') || has('password'))) {
    ctx.report(
      at,
      `${who} has both "bearer" and "${has('username') ? 'username' : 'password'}": use a bearer token or a username and password, not both`,
    );
  } else if (has('username') !== has('password')) {
    ctx.report(
      at,
      `${who} needs "${has('username') ? 'password' : 'username'}" too: basic auth takes a username and a password`,
    );
  } else if (!has('bearer') && !has('username')) {
    ctx.report(at, `${who} is empty: give "bearer", or "username" and "password"`);
  }
}
