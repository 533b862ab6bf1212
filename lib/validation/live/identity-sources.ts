// Which identity reaches which cluster: an `--identity NAME=FILE` for any NAME that reaches the
// cluster's address (`<stack>/<name>` before `<name>`), else the credentials of a provider block
// that points there, read as the provider reads them (lib/auth-client/credentials.ts). Relative
// paths are resolved where Terraform runs: the stack directory for a synthesized stack, the
// current directory for a plan.
import * as path from 'path';
import { ClientIdentity, CredentialSource, VarValues, providerCredentials } from '../../auth-client';
import { AuthClientError } from '../../auth-client/errors';
import { Finding } from '../../report/finding';
import { notChecked } from './context';
import { ClusterRef, ProviderTarget } from './targets';

/** The identity chosen for a cluster, or the findings that say why there is none. */
export type IdentityChoice =
  { readonly identity: ClientIdentity; readonly resource: string; readonly stack?: string } | { readonly findings: readonly Finding[] };

export interface IdentitySourceInput {
  readonly providers: readonly ProviderTarget[];
  /** --identity NAME=FILE, parsed, by NAME. */
  readonly identities: ReadonlyMap<string, ClientIdentity>;
  readonly vars: VarValues;
  readonly env: NodeJS.ProcessEnv;
}

export function chooseIdentity(refs: readonly ClusterRef[], input: IdentitySourceInput): IdentityChoice | undefined {
  for (const ref of refs) {
    if (ref.name === undefined) continue;
    for (const key of [`${ref.stack}/${ref.name}`, ref.name]) {
      const identity = input.identities.get(key);
      if (identity) return { identity, resource: `--identity ${key}` };
    }
  }
  for (const p of input.providers) {
    if (!refs.includes(p.ref)) continue;
    const values = p.stack.providers.find((b) => b.key === p.key)?.values ?? {};
    const baseDir = p.stack.configs ? path.dirname(p.stack.file) : process.cwd();
    const source = providerCredentials(values, { env: input.env, vars: input.vars, baseDir, label: `provider.${p.key}` });
    if (source) return fromProvider(source, p);
  }
  return undefined;
}

function fromProvider(source: CredentialSource, p: ProviderTarget): IdentityChoice {
  const resource = `provider.${p.key}`;
  if (source.kind === 'unusable') {
    return {
      findings: [notChecked(p.stack.name, resource, `the checks that need the provider's credentials did not run: ${source.why}.`, source.fix)],
    };
  }
  try {
    return { identity: source.load(), resource, stack: p.stack.name };
  } catch (e) {
    if (!(e instanceof AuthClientError)) throw e;
    return {
      findings: [
        {
          severity: 'error',
          check: 'validate.identity',
          stack: p.stack.name,
          resource,
          message: `the provider's credentials cannot be used: ${e.message} Terraform cannot authenticate with them either.`,
          fix: 'fix or renew the credentials (tbot output, tctl auth sign, or tctl terraform env), or give a working identity with --identity NAME=FILE.',
        },
      ],
    };
  }
}
