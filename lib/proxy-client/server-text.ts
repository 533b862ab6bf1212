// Text a server wrote (error messages, redirect targets) before it enters a finding or an error:
// registered secrets and token-shaped strings are masked, then it is capped. A server may echo a
// join token we never registered (Teleport's generated tokens are 32 hex characters).
import { REDACTED, redactAll } from '../report/redact';

/** Longest server text quoted in a message. */
export const MAX_SERVER_TEXT = 300;

const TOKEN_SHAPED = /[0-9a-fA-F]{32,}/g;

export function serverText(text: string): string {
  const masked = redactAll(text).replace(TOKEN_SHAPED, REDACTED).replace(/\s+/g, ' ').trim();
  return masked.length > MAX_SERVER_TEXT ? `${masked.slice(0, MAX_SERVER_TEXT)}… (cut)` : masked;
}
