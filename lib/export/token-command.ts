// A join token whose name is its secret, as the `tctl tokens add` command that creates it: the
// command prints the secret once, where the user runs it, instead of a document that holds it.
import { isPlainObject, isTemplate } from '../config/shape';
import { Prepared } from './prepare';

/** `timeadd(timestamp(), "1h")` / `timeadd(plantimestamp(), "1h")`: what the constructs write for a TTL. */
const TTL = /^\$\{timeadd\((?:plan)?timestamp\(\),\s*"([0-9][0-9a-z.]*)"\)\}$/;

/** A word as a POSIX shell reads it back: as is when it is plain, else single-quoted. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_.,=:/@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The command, and what it could not carry. */
export interface TokenCommand {
  readonly command: string;
  readonly notes: readonly string[];
}

/** `tctl tokens add --type=<roles> [--ttl=<ttl>] [--labels=k=v,...] [--value=<name>]` for a prepared provision token. */
export function tokensAddCommand(p: Prepared, allowLiteralSecrets: boolean): TokenCommand {
  const notes: string[] = [];
  const words = ['tctl', 'tokens', 'add'];
  const roles: unknown[] = Array.isArray(p.resource.values.spec?.roles) ? p.resource.values.spec.roles : [];
  const literalRoles = roles.filter((r): r is string => typeof r === 'string' && !isTemplate(r));
  if (literalRoles.length !== roles.length || roles.length === 0) notes.push('its roles are known only at apply: set --type yourself');
  if (literalRoles.length) words.push(shellWord(`--type=${literalRoles.map((r) => r.toLowerCase()).join(',')}`));
  const expires = p.metadata.expires;
  const ttl = typeof expires === 'string' ? TTL.exec(expires)?.[1] : undefined;
  if (ttl) words.push(shellWord(`--ttl=${ttl}`));
  else if (typeof expires === 'string' && !isTemplate(expires)) notes.push(`it expires at ${expires}: pick --ttl so that it does`);
  else if (expires !== undefined) notes.push('its expiry is known only at apply: pick --ttl');
  const labels = isPlainObject(p.metadata.labels) ? Object.entries(p.metadata.labels).filter(([, v]) => typeof v === 'string') : [];
  if (labels.length) words.push(shellWord(`--labels=${labels.map(([k, v]) => `${k}=${v}`).join(',')}`));
  if (p.literalName !== undefined) {
    if (allowLiteralSecrets) words.push(shellWord(`--value=${p.literalName}`));
    else notes.push('its name (the secret) is a literal in the input: it is left out here (pass --allow-literal-secrets to write it as --value)');
  }
  return { command: words.join(' '), notes };
}
