// Which clusters a configuration names: provider `addr`s and trusted clusters' `web_proxy_addr`,
// with `--proxy NAME=HOST:PORT` overrides (NAME: a provider alias, `teleport` for the default
// provider, or a trusted cluster's name) where the configuration holds variables.
import { TfResource, TfStack, ValidateInput } from '../model';
import { isLiteral } from '../rules/context';

export interface TrustedClusterTarget {
  readonly stack: TfStack;
  readonly resource: TfResource;
  readonly name?: string;
  /** Where the root proxy is dialled. */
  readonly rootAddress?: string;
  /** The leaf: the proxy of the provider that manages the trusted cluster. */
  readonly leafAddress?: string;
  readonly leafName: string;
}

export function providerName(key: string): string {
  return key === 'teleport' ? 'teleport' : key.replace(/^teleport\./, '');
}

export function providerAddress(stack: TfStack, key: string, overrides: Record<string, string>): string | undefined {
  const override = overrides[providerName(key)];
  if (override) return override;
  const addr = stack.providers.find((p) => p.key === key)?.values.addr;
  return isLiteral(addr) ? addr : undefined;
}

export function trustedClusterTargets(input: ValidateInput, overrides: Record<string, string>): TrustedClusterTarget[] {
  return input.stacks.flatMap((stack) =>
    stack.resources
      .filter((r) => r.type === 'teleport_trusted_cluster' && r.mode === 'managed')
      .map((r) => {
        const name = isLiteral(r.values.metadata?.name) ? r.values.metadata.name : undefined;
        const web = r.values.spec?.web_proxy_addr;
        return {
          stack,
          resource: r,
          name,
          rootAddress: (name && overrides[name]) || (isLiteral(web) ? web : undefined),
          leafAddress: providerAddress(stack, r.providerKey, overrides),
          leafName: providerName(r.providerKey),
        };
      }),
  );
}

/** Every provider address of the input, by provider name. */
export function providerTargets(input: ValidateInput, overrides: Record<string, string>): { stack: TfStack; key: string; name: string; address: string }[] {
  return input.stacks.flatMap((stack) =>
    stack.providers
      .map((p) => ({ stack, key: p.key, name: providerName(p.key), address: providerAddress(stack, p.key, overrides) }))
      .filter((t): t is { stack: TfStack; key: string; name: string; address: string } => t.address !== undefined),
  );
}

/** `TELEPORT_<NAME>_USER`, `_PASSWORD`, `_OTP` with NAME in upper snake case (`root.example.com` -> `ROOT_EXAMPLE_COM`). */
export function credentialVariables(name: string): { user: string; password: string; otp: string } {
  const n = name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return { user: `TELEPORT_${n}_USER`, password: `TELEPORT_${n}_PASSWORD`, otp: `TELEPORT_${n}_OTP` };
}
