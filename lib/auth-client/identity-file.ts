// Teleport identity files (`tctl auth sign --format=file`, tbot's identity output), read as
// Teleport's own parser does (api/identityfile): line by line, an SSH certificate line and
// `@cert-authority` lines are skipped; of the PEM blocks, the first is the private key, the second
// the TLS client certificate, every later one a TLS CA certificate. See docs/auth-grpc.md.
import { registerSecret } from '../report/redact';
import { AuthClientError } from './errors';
import { ClientIdentity, PemBlock, assembleIdentity, pemBlocks } from './identity';
import { readCredentialFile } from './read-file';

/** Parses identity file content. `source` names it in messages; the content never appears in one. */
export function parseIdentityFile(content: string, source: string): ClientIdentity {
  registerSecret(content);
  const blocks: PemBlock[] = [];
  // Teleport's scanner looks at trimmed lines: PEM blocks start at a line that begins with -----BEGIN.
  const lines = content.split(/\r?\n/).map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('-----BEGIN')) continue;
    const start = i;
    while (i < lines.length && !lines[i].startsWith('-----END')) i++;
    if (i >= lines.length) throw new AuthClientError('identity', source, 'ends in the middle of a PEM block (a truncated file?).');
    const parsed = pemBlocks(lines.slice(start, i + 1).join('\n'), source);
    if (parsed.length !== 1) throw new AuthClientError('identity', source, `has a malformed PEM block at line ${start + 1}.`);
    blocks.push(parsed[0]);
  }
  if (!blocks.length) throw new AuthClientError('identity', source, 'is not a Teleport identity file (no PEM block).');
  const [key, cert, ...cas] = blocks;
  return assembleIdentity(key, cert, cas, source);
}

/** Reads and parses an identity file from disk. */
export function readIdentityFile(file: string, source: string): ClientIdentity {
  return parseIdentityFile(readCredentialFile(file, source), source);
}
