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
    throw new CannotRunError(`the schema file ${file} ${code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : `cannot be read (${code})`}.`);
  }
  if (!stat.isFile()) throw new CannotRunError(`the schema file ${file} is not a file.`);
  return resolved;
}

/** Writes the provider shim and the CLI configuration into `dir`; returns the CLI config path. */
export function writeHarness(dir: string, schemaFile?: string): string {
  const plugins = path.join(dir, 'plugins');
  fs.mkdirSync(plugins, { recursive: true });
  const shim = path.join(plugins, 'terraform-provider-teleport');
  const descriptor = path.join(dir, 'protocol.json');
  fs.writeFileSync(descriptor, JSON.stringify(protocolDescriptor()));
  const args = [process.execPath, providerEntry(), '--descriptor', descriptor, ...(schemaFile ? ['--schema', path.resolve(schemaFile)] : [])].map(shellQuote).join(' ');
  fs.writeFileSync(shim, `#!/bin/sh\n# cdktf-teleport offline provider (schema only; never contacts a cluster)\nexec ${args} "$@"\n`, { mode: 0o755 });
  const config = path.join(dir, 'cli.tfrc');
  fs.writeFileSync(
    config,
    `provider_installation {\n  dev_overrides {\n    ${JSON.stringify(TELEPORT_PROVIDER_SOURCE)} = ${JSON.stringify(plugins)}\n  }\n  direct {}\n}\n`,
  );
  return config;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
