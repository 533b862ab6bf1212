// Credentials as the Teleport Terraform provider reads them from its provider block
// (integrations/terraform/provider/credentials.go): each attribute from the block, else from its
// TF_TELEPORT_* variable; the first active source in the provider's order wins (native Machine ID
// joining, key + certificate paths, key + certificate base64, identity file path, identity file
// content, identity file base64, tsh profile). A value written as `${var.NAME}` is read from
// TF_VAR_NAME or a --var-file; any other expression cannot be evaluated here. Unlike old providers,
// no active source does not fall back to the current tsh profile (deprecated by the provider).
import * as fs from 'fs';
import * as path from 'path';
import { registerSecret } from '../report/redact';
import { AuthClientError } from './errors';
import { ClientIdentity, assembleIdentity, pemBlocks } from './identity';
import { parseIdentityFile, readIdentityFile } from './identity-file';
import { readProfile } from './profile';
import { readCredentialFile } from './read-file';
import { VarValues } from './var-values';

/** What the provider block (or environment) says about credentials. */
export type CredentialSource =
  /** Something validate can load: `load()` throws AuthClientError('identity') for broken material. */
  | { readonly kind: 'loadable'; readonly from: string; load(): ClientIdentity }
  /** A source validate cannot use here, and why; `missing` when a named file does not exist. */
  | { readonly kind: 'unusable'; readonly from: string; readonly why: string; readonly fix: string; readonly missing?: boolean };

export interface CredentialContext {
  /** Where TF_TELEPORT_* are read. */
  readonly env: NodeJS.ProcessEnv;
  readonly vars: VarValues;
  /** Relative paths are resolved from here (where Terraform runs: the stack directory). */
  readonly baseDir: string;
  /** The provider block, for messages: `provider.teleport.leaf`. */
  readonly label: string;
}

type Value = { readonly value: string; readonly from: string } | { readonly unresolved: string; readonly from: string };

const VAR_REF = /^\$\{var\.([A-Za-z_][A-Za-z0-9_-]*)\}$/;

function attribute(values: Readonly<Record<string, unknown>>, name: string, envName: string, c: CredentialContext): Value | undefined {
  const v = values[name];
  if (v === undefined || v === null || v === '') {
    const fromEnv = c.env[envName];
    return fromEnv ? { value: fromEnv, from: envName } : undefined;
  }
  const from = `${c.label} ${name}`;
  if (typeof v !== 'string') return { unresolved: `${from} is not a string`, from };
  if (!v.includes('${')) return { value: v, from };
  const ref = VAR_REF.exec(v);
  if (!ref) return { unresolved: `${from} is an expression validate does not evaluate`, from };
  const found = c.vars.get(ref[1]);
  if (!found) return { unresolved: `${from} is var.${ref[1]}, which has no value here (neither TF_VAR_${ref[1]} nor a --var-file sets it)`, from };
  return { value: found.value, from: `${from} (${found.from})` };
}

const FIX = 'give the identity Terraform uses with --identity NAME=FILE, or its variable with TF_VAR_<name> or --var-file.';

/** The first active credential source of a provider block, or undefined when none is active. */
export function providerCredentials(values: Readonly<Record<string, unknown>>, c: CredentialContext): CredentialSource | undefined {
  const a = (name: string, envName: string) => attribute(values, name, envName, c);
  const unresolved = [a('join_method', 'TF_TELEPORT_JOIN_METHOD'), a('join_token', 'TF_TELEPORT_JOIN_TOKEN')].find(Boolean);
  if (unresolved) {
    return {
      kind: 'unusable',
      from: unresolved.from,
      why: 'the provider joins with native Machine ID, which validate does not do (a join registers a bot instance)',
      fix: 'run tbot where validate runs and give its identity with --identity NAME=FILE.',
    };
  }
  const sources: (() => CredentialSource | undefined)[] = [
    () => keyAndCert(a('key_path', 'TF_TELEPORT_KEY'), a('cert_path', 'TF_TELEPORT_CERT'), a('root_ca_path', 'TF_TELEPORT_ROOT_CA'), c, 'path'),
    () =>
      keyAndCert(
        a('key_base64', 'TF_TELEPORT_KEY_BASE64'),
        a('cert_base64', 'TF_TELEPORT_CERT_BASE64'),
        a('root_ca_base64', 'TF_TELEPORT_CA_BASE64'),
        c,
        'base64',
      ),
    () =>
      single(a('identity_file_path', 'TF_TELEPORT_IDENTITY_FILE_PATH'), (v, from) => fileSource(v, from, c, (file) => readIdentityFile(file, from))),
    () => single(a('identity_file', 'TF_TELEPORT_IDENTITY_FILE'), (v, from) => ({ kind: 'loadable', from, load: () => parseIdentityFile(v, from) })),
    () =>
      single(a('identity_file_base64', 'TF_TELEPORT_IDENTITY_FILE_BASE64'), (v, from) => ({
        kind: 'loadable',
        from,
        load: () => parseIdentityFile(decodeBase64(v, from), from),
      })),
    () => profile(a('profile_dir', 'TF_TELEPORT_PROFILE_PATH'), a('profile_name', 'TF_TELEPORT_PROFILE_NAME'), c),
  ];
  for (const source of sources) {
    const found = source();
    if (found) return found;
  }
  return undefined;
}

function single(v: Value | undefined, make: (value: string, from: string) => CredentialSource): CredentialSource | undefined {
  if (!v) return undefined;
  if ('unresolved' in v) return { kind: 'unusable', from: v.from, why: v.unresolved, fix: FIX };
  return make(v.value, v.from);
}

/** An `unusable` source when `file` (relative to the base directory) does not exist. */
function missingFile(file: string, from: string, c: CredentialContext): CredentialSource | undefined {
  const resolved = path.resolve(c.baseDir, file);
  if (fs.existsSync(resolved)) return undefined;
  return {
    kind: 'unusable',
    from,
    why: `${from} names ${file}, which does not exist here (${resolved})`,
    fix: `run validate where Terraform runs (after tbot or tctl terraform env), or ${FIX}`,
    missing: true,
  };
}

function fileSource(file: string, from: string, c: CredentialContext, load: (resolved: string) => ClientIdentity): CredentialSource {
  return missingFile(file, from, c) ?? { kind: 'loadable', from, load: () => load(path.resolve(c.baseDir, file)) };
}

function decodeBase64(v: string, from: string): string {
  const compact = v.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new AuthClientError('identity', from, 'is not base64 (standard encoding).');
  registerSecret(compact);
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** Key, certificate and CA, as paths or as base64 (the provider's two sources; all three are required). */
function keyAndCert(
  key: Value | undefined,
  cert: Value | undefined,
  ca: Value | undefined,
  c: CredentialContext,
  form: 'path' | 'base64',
): CredentialSource | undefined {
  if (!key && !cert) return undefined;
  const parts = { key, cert, ca };
  const from = [key, cert, ca]
    .filter(Boolean)
    .map((p) => p!.from)
    .join(', ');
  for (const [name, p] of Object.entries(parts)) {
    if (!p)
      return {
        kind: 'unusable',
        from,
        why: `the ${name} ${form === 'path' ? 'path' : 'base64'} is missing (the provider needs key, certificate and root CA together)`,
        fix: FIX,
      };
    if ('unresolved' in p) return { kind: 'unusable', from, why: p.unresolved, fix: FIX };
  }
  const text = (p: Value) => (p as { value: string }).value;
  if (form === 'path') {
    const missing = [key!, cert!, ca!].map((p) => missingFile(text(p), p.from, c)).find(Boolean);
    if (missing) return { ...missing, from };
  }
  const load = (p: Value) => (form === 'path' ? readCredentialFile(path.resolve(c.baseDir, text(p)), p.from) : decodeBase64(text(p), p.from));
  return {
    kind: 'loadable',
    from,
    load: () => {
      const [k, ce, cas] = [key!, cert!, ca!].map((p) => pemBlocks(load(p), p.from));
      return assembleIdentity(k[0], ce[0], cas, from);
    },
  };
}

function profile(dir: Value | undefined, name: Value | undefined, c: CredentialContext): CredentialSource | undefined {
  if (!dir && !name) return undefined;
  const from = [dir, name]
    .filter(Boolean)
    .map((p) => p!.from)
    .join(', ');
  for (const p of [dir, name]) if (p && 'unresolved' in p) return { kind: 'unusable', from, why: p.unresolved, fix: FIX };
  const value = (p: Value | undefined) => (p && 'value' in p ? p.value : undefined);
  const d = value(dir);
  return { kind: 'loadable', from, load: () => readProfile(d === undefined ? undefined : path.resolve(c.baseDir, d), value(name), from) };
}
