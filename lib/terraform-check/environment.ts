// Where terraform and the offline provider are, and the throwaway CLI configuration that points
// Terraform at the provider through dev_overrides (never the user's own ~/.terraformrc).
import * as fs from 'fs';
import * as path from 'path';
import { protocolDescriptor } from '../provider-server/proto';
import { TELEPORT_PROVIDER_SOURCE } from '../schema/provider-schema';

/** Thrown when the check cannot run (no terraform, no compiled provider, unreadable input): the CLI exits 2 with the message. */
export class CannotRunError extends Error {}

/** The terraform binary: $TERRAFORM_BINARY, else the first `terraform` on PATH. */
export function findTerraform(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TERRAFORM_BINARY) {
    if (fs.existsSync(env.TERRAFORM_BINARY)) return env.TERRAFORM_BINARY;
    throw new CannotRunError(`TERRAFORM_BINARY is ${env.TERRAFORM_BINARY}, which does not exist.`);
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'terraform');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new CannotRunError('terraform is not on PATH (or set TERRAFORM_BINARY). Install Terraform >= 1.5 to run terraform-check.');
}

/**
 * The compiled provider entry. From the compiled library it sits beside this file's directory; when
 * this file runs from TypeScript sources (tests), the compiled copy in dist/ is used.
 */
export function providerEntry(): string {
  const compiled = path.join(__dirname, '..', 'provider-server', 'main.js');
  if (fs.existsSync(compiled)) return compiled;
  const fromSources = path.join(__dirname, '..', '..', 'dist', 'lib', 'provider-server', 'main.js');
  if (fs.existsSync(fromSources)) return fromSources;
  throw new CannotRunError(`the compiled provider (${fromSources}) is missing: run \`npm run build\` first.`);
}

/**
 * A `--schema` file as an absolute path (the provider runs in the temporary workspace, so a relative
 * path would point elsewhere there); throws CannotRunError when it is not a readable file.
 */
export function resolveSchemaFile(file: string, cwd: string = process.cwd()): string {
  const resolved = path.resolve(cwd, file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
    fs.accessSync(resolved, fs.constants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CannotRunError(
      `the schema file ${file} ${code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : `cannot be read (${code})`}.`,
    );
  }
  if (!stat.isFile()) throw new CannotRunError(`the schema file ${file} is not a file.`);
  return resolved;
}

/**
 * What Terraform never gets from the user's environment, by name pattern (`*` matches any rest;
 * matched without regard to case). Listed in docs/cli/terraform-check.md; a test keeps the two in
 * step. terraform-check plans only Teleport resources against an offline provider: no variable
 * here is ever needed, and any of them could hand Terraform credentials or change what is checked.
 */
export const STRIPPED_ENVIRONMENT: readonly { readonly names: readonly string[]; readonly why: string }[] = [
  {
    names: [
      'TF_CLI_ARGS',
      'TF_CLI_ARGS_*',
      'TF_DATA_DIR',
      'TF_WORKSPACE',
      'TF_CLI_CONFIG_FILE',
      'TERRAFORM_CONFIG',
      'TF_PLUGIN_CACHE_DIR',
      'TF_REATTACH_PROVIDERS',
    ],
    why: 'would change what Terraform runs or where (the harness sets its own CLI configuration)',
  },
  { names: ['TF_VAR_*'], why: 'variable values: placeholders and --var-file are the only variable inputs' },
  { names: ['TF_TOKEN_*', 'TF_CLOUD_*', 'TFE_*', 'TF_HTTP_*'], why: 'registry, HCP Terraform / Terraform Enterprise and http backend credentials' },
  { names: ['TF_TELEPORT_*', 'TELEPORT_*'], why: 'Teleport provider, tsh and validate credentials' },
  { names: ['AWS_*'], why: 'AWS' },
  { names: ['GOOGLE_*', 'GCLOUD_*', 'CLOUDSDK_*', 'GCE_*'], why: 'Google Cloud' },
  { names: ['ARM_*', 'AZURE_*', 'MSI_*', 'IDENTITY_ENDPOINT', 'IDENTITY_HEADER'], why: 'Azure (also managed identity endpoints)' },
  {
    names: [
      'ALICLOUD_*',
      'ALIBABA_CLOUD_*',
      'OCI_*',
      'DIGITALOCEAN_*',
      'SPACES_*',
      'HCLOUD_*',
      'LINODE_*',
      'VULTR_*',
      'SCW_*',
      'OS_*',
      'IBMCLOUD_*',
      'CLOUDFLARE_*',
    ],
    why: 'other clouds (Alibaba, Oracle, DigitalOcean, Hetzner, Linode, Vultr, Scaleway, OpenStack, IBM, Cloudflare)',
  },
  {
    names: ['KUBECONFIG', 'KUBE_*', 'VAULT_*', 'CONSUL_*', 'NOMAD_*', 'PG*'],
    why: 'Kubernetes, Vault, Consul, Nomad and PostgreSQL (backends and providers)',
  },
  {
    names: [
      'GITHUB_TOKEN',
      'GH_TOKEN',
      'GITLAB_TOKEN',
      'CI_JOB_TOKEN',
      'CI_JOB_JWT*',
      'ACTIONS_ID_TOKEN_REQUEST_*',
      'ACTIONS_RUNTIME_TOKEN',
      'SYSTEM_ACCESSTOKEN',
      'CIRCLE_OIDC_TOKEN*',
      'BITBUCKET_STEP_OIDC_TOKEN',
    ],
    why: 'CI tokens and OIDC token endpoints',
  },
  { names: ['SSH_AUTH_SOCK', 'XDG_RUNTIME_DIR'], why: 'agent sockets' },
  {
    names: [
      '*TOKEN*',
      '*SECRET*',
      '*PASSWORD*',
      '*PASSWD*',
      '*PASSPHRASE*',
      '*CREDENTIAL*',
      '*API_KEY*',
      '*APIKEY*',
      '*ACCESS_KEY*',
      '*PRIVATE_KEY*',
    ],
    why: 'anything else named like a credential',
  },
  {
    names: ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'FTP_PROXY'],
    why: 'proxies (a proxy URL can hold credentials): replaced, see DEAD_PROXY',
  },
];

/**
 * Terraform's HTTP(S) proxy: a closed port on the loopback interface. An HTTP request Terraform
 * might still make to anywhere but the loopback (which Go never proxies) fails at once instead of
 * reaching the network; no request should be made at all.
 */
export const DEAD_PROXY = 'http://127.0.0.1:9';

const STRIPPED = new RegExp(
  `^(${STRIPPED_ENVIRONMENT.flatMap((g) => g.names)
    .map((n) => n.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*'))
    .join('|')})$`,
  'i',
);

/** True for a variable Terraform does not get from the user's environment. */
export function isStripped(name: string): boolean {
  return STRIPPED.test(name);
}

/** The home directory Terraform gets: an empty one in the workspace, beside the CLI configuration. */
export function harnessHome(cliConfig: string): string {
  return path.join(path.dirname(cliConfig), 'home');
}

/**
 * The environment Terraform (and the offline provider it starts) runs with: the user's without
 * {@link STRIPPED_ENVIRONMENT}, HOME and the XDG directories pointing at an empty directory (so
 * credential files under the user's home, ~/.aws, ~/.config/gcloud, ~/.azure, ~/.kube,
 * ~/.terraform.d/credentials.tfrc.json, ~/.tsh, are out of reach), the dead proxy, and the
 * harness's settings.
 */
export function terraformEnv(cliConfig: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) if (!isStripped(k) && !/^XDG_/i.test(k) && k !== 'HOME') env[k] = v;
  const home = harnessHome(cliConfig);
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    HTTP_PROXY: DEAD_PROXY,
    HTTPS_PROXY: DEAD_PROXY,
    http_proxy: DEAD_PROXY,
    https_proxy: DEAD_PROXY,
    TF_CLI_CONFIG_FILE: cliConfig,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
  };
}

/** Writes the provider shim and the CLI configuration into `dir`; returns the CLI config path. */
export function writeHarness(dir: string, schemaFile?: string): string {
  const plugins = path.join(dir, 'plugins');
  fs.mkdirSync(plugins, { recursive: true });
  const shim = path.join(plugins, 'terraform-provider-teleport');
  const descriptor = path.join(dir, 'protocol.json');
  fs.writeFileSync(descriptor, JSON.stringify(protocolDescriptor()));
  const args = [process.execPath, providerEntry(), '--descriptor', descriptor, ...(schemaFile ? ['--schema', path.resolve(schemaFile)] : [])]
    .map(shellQuote)
    .join(' ');
  fs.writeFileSync(shim, `#!/bin/sh\n# cdktf-teleport offline provider (schema only; never contacts a cluster)\nexec ${args} "$@"\n`, {
    mode: 0o755,
  });
  const config = path.join(dir, 'cli.tfrc');
  fs.mkdirSync(harnessHome(config), { recursive: true, mode: 0o700 });
  fs.writeFileSync(
    config,
    `provider_installation {\n  dev_overrides {\n    ${JSON.stringify(TELEPORT_PROVIDER_SOURCE)} = ${JSON.stringify(plugins)}\n  }\n  direct {}\n}\n`,
  );
  return config;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
