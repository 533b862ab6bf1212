// `--identity NAME=FILE` (repeatable): the identity file Terraform uses for a cluster, read and
// checked when the command line is read, so a missing or broken file stops the run (exit 2)
// before anything is sent. The file's content never appears in a message.
import { AuthClientError } from './errors';
import { ClientIdentity } from './identity';
import { readIdentityFile } from './identity-file';

export function parseIdentityFlags(values: readonly string[]): Map<string, ClientIdentity> {
  const out = new Map<string, ClientIdentity>();
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1)
      throw new AuthClientError(
        'identity',
        '--identity',
        `takes NAME=FILE (NAME: a provider alias, a trusted cluster's name, or <stack>/<name>), got "${value.slice(0, 200)}".`,
      );
    const name = value.slice(0, at);
    const file = value.slice(at + 1);
    if (out.has(name)) throw new AuthClientError('identity', `--identity ${name}`, 'is given twice.');
    out.set(name, readIdentityFile(file, `--identity ${name} (${file})`));
  }
  return out;
}
