/** The `headers:` map every HTTP-based source takes: header names checked, values secret-aware. */
import { headerValue } from './scalars.js';
import type { MapType } from './value-types.js';

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const headerMap: MapType = {
  kind: 'map',
  value: headerValue,
  keyPattern: { regex: HEADER_NAME, what: 'header name', hint: 'use letters, digits and "-" (an HTTP header name)' },
};
