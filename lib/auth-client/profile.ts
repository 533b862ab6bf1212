// A tsh profile as the provider reads it (`profile_dir`, `profile_name`; Teleport's api/profile and
// api/utils/keypaths): the profile is `<dir>/<name>.yaml` (name: `profile_name`, else the content of
// `<dir>/current-profile`; dir: `profile_dir`, else ~/.tsh); its `web_proxy_addr` host and `user`
// place the keys at `<dir>/keys/<host>/`: the TLS key `<user>.key` (older tsh: `<user>`), the
// certificate `<user>.crt` (older: `<user>-x509.pem`), the CAs every file in `cas/` (older:
// `certs.pem`).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { AuthClientError } from './errors';
import { ClientIdentity, assembleIdentity, pemBlocks } from './identity';
import { readCredentialFile } from './read-file';

const read = readCredentialFile;

const firstExisting = (files: string[]): string => files.find((f) => fs.existsSync(f)) ?? files[0];

export function readProfile(dir: string | undefined, name: string | undefined, source: string): ClientIdentity {
  const base = dir || path.join(os.homedir(), '.tsh');
  const profileName = name || read(path.join(base, 'current-profile'), source).trim();
  if (!profileName) throw new AuthClientError('identity', source, `no profile name given and ${path.join(base, 'current-profile')} is empty.`);
  let profile: { web_proxy_addr?: unknown; user?: unknown };
  try {
    profile = parse(read(path.join(base, `${profileName}.yaml`), source)) ?? {};
  } catch (e) {
    if (e instanceof AuthClientError) throw e;
    throw new AuthClientError('identity', source, `${path.join(base, `${profileName}.yaml`)} is not a tsh profile (not YAML).`);
  }
  const proxy = typeof profile.web_proxy_addr === 'string' ? profile.web_proxy_addr : '';
  const user = typeof profile.user === 'string' ? profile.user : '';
  if (!proxy || !user || /[\\/]|^\.\.?$/.test(user))
    throw new AuthClientError('identity', source, `the profile ${profileName} has no usable web_proxy_addr and user.`);
  const host = proxy.replace(/^\[([^\]]+)\](:\d+)?$/, '$1').replace(/:\d+$/, '');
  const keys = path.join(base, 'keys', host);
  const key = read(firstExisting([path.join(keys, `${user}.key`), path.join(keys, user)]), source);
  const cert = read(firstExisting([path.join(keys, `${user}.crt`), path.join(keys, `${user}-x509.pem`)]), source);
  const casDir = path.join(keys, 'cas');
  const caTexts = fs.existsSync(casDir)
    ? fs
        .readdirSync(casDir)
        .sort()
        .map((f) => read(path.join(casDir, f), source))
    : [read(path.join(keys, 'certs.pem'), source)];
  return assembleIdentity(
    pemBlocks(key, source)[0],
    pemBlocks(cert, source)[0],
    caTexts.flatMap((t) => pemBlocks(t, source)),
    source,
  );
}
