import * as path from 'path';
import { Construct } from 'constructs';
import { Annotations, TerraformVariable } from 'cdktf';
import { readInputText } from '../../config/read-input';
import { registerSecret } from '../../report/redact';
import { TeleportResourceOptions } from '../options';
import { checkArgs } from '../../api-check/check-args';
import { ProvisionToken } from '../provision-token';
import { IRole, Role, RoleVersion } from '../role';
import { JoinToken, RoleMapping, TrustedCluster } from '../trusted-cluster';
import { withoutDefaultNamespaces } from './role-namespaces';
import { toBindingShape } from './schema-shape';
import { TctlDocument, TctlYamlError, parseTctlYaml } from './tctl-document';

/** Options for loading tctl resource YAML. */
export interface TctlResourcesProps extends TeleportResourceOptions {
  /**
   * Accept a literal `spec.token` in a `trusted_cluster` document, or a literal `metadata.name` in a
   * `token` document: it is written in plaintext to cdk.tf.json and plans.
   * @default false: a literal trusted-cluster token is replaced by a sensitive variable, a literal
   * provision-token name is rejected
   */
  readonly allowLiteralSecrets?: boolean;
  /**
   * The sensitive variable that holds the trusted clusters' join token when the YAML has none (or
   * has a literal and `allowLiteralSecrets` is false).
   * @default a sensitive variable `<id>_join_token` (no default value), created when needed
   */
  readonly joinTokenVariable?: TerraformVariable;
  /**
   * Adopt the resources that already exist on the cluster with Terraform `import` blocks (roles
   * and trusted clusters by name). Provision tokens are not adopted: their import ID is their
   * secret (use `ProvisionToken.importFrom()` with a sensitive variable).
   * @default false
   */
  readonly adoptExisting?: boolean;
}

const SUPPORTED = ['role', 'trusted_cluster', 'token'];

/**
 * Constructs made from tctl resource YAML (`kind`, `version`, `metadata`, `spec`; several documents
 * separated by `---`), as `tctl get` prints it and Teleport's guides write it: `role` becomes a
 * `Role`, `trusted_cluster` a `TrustedCluster`, `token` a `ProvisionToken`. Fields are checked
 * against the provider schema (unknown fields fail with a suggestion); a trusted cluster's
 * `role_map` uses the roles of the same YAML where the names match (so they are created first),
 * and `Role.fromName` otherwise.
 */
export class TctlResources extends Construct {
  /** Reads one YAML file (a regular file of at most 64 MiB). */
  public static fromFile(scope: Construct, id: string, file: string, props: TctlResourcesProps = {}): TctlResources {
    checkArgs('TctlResources.fromFile', arguments);
    return new TctlResources(scope, id, { ...props, texts: [{ text: readOrThrow(scope, id, file), source: path.basename(file) }] });
  }

  /** Reads several YAML files as one set (roles in one file can be mapped by a trusted cluster in another). */
  public static fromFiles(scope: Construct, id: string, files: string[], props: TctlResourcesProps = {}): TctlResources {
    checkArgs('TctlResources.fromFiles', arguments);
    const texts = files.map((f) => ({ text: readOrThrow(scope, id, f), source: path.basename(f) }));
    return new TctlResources(scope, id, { ...props, texts });
  }

  /** Parses YAML text given inline. */
  public static fromYaml(scope: Construct, id: string, yaml: string, props: TctlResourcesProps = {}): TctlResources {
    checkArgs('TctlResources.fromYaml', arguments);
    return new TctlResources(scope, id, { ...props, texts: [{ text: yaml, source: 'inline YAML' }] });
  }

  /**
   * The roles, by `metadata.name` (any name works as a key, `__proto__` and `constructor` too: the
   * record has no prototype). See also {@link role}.
   */
  public readonly roles: { [name: string]: Role } = Object.create(null);
  /** The trusted clusters, by `metadata.name` (a record without prototype, like `roles`). See also {@link trustedCluster}. */
  public readonly trustedClusters: { [name: string]: TrustedCluster } = Object.create(null);
  /** The provision tokens, in document order. */
  public readonly provisionTokens: ProvisionToken[] = [];
  /**
   * The sensitive variable the trusted clusters take their join token from: `joinTokenVariable`
   * when given, else one created here when a `trusted_cluster` document needs it (no token, or a
   * literal one without `allowLiteralSecrets`).
   */
  public readonly joinTokenVariable?: TerraformVariable;

  private readonly roleByName = new Map<string, Role>();
  private readonly clusterByName = new Map<string, TrustedCluster>();

  private constructor(scope: Construct, id: string, props: TctlResourcesProps & { texts: { text: string; source: string }[] }) {
    super(scope, id);
    const fail = (e: unknown): never => {
      if (e instanceof TctlYamlError) throw new TctlYamlError(`${this.node.path}: ${e.message}`);
      throw e;
    };
    try {
      const documents: TctlDocument[] = props.texts.flatMap(({ text, source }) => parseTctlYaml(text, source));
      if (documents.length === 0) {
        throw new TctlYamlError(
          `${props.texts.map((t) => t.source).join(', ') || 'YAML'}: holds no resource. Fix: give at least one document with kind, version, metadata and spec.`,
        );
      }
      for (const doc of documents) {
        if (!SUPPORTED.includes(doc.kind)) {
          throw new TctlYamlError(`${doc.where}: kind "${doc.kind}" is not supported here. Fix: use one of ${SUPPORTED.join(', ')}.`);
        }
      }
      this.joinTokenVariable = props.joinTokenVariable ?? (documents.some((d) => needsTokenVariable(d, props)) ? this.newTokenVariable() : undefined);
      for (const doc of documents.filter((d) => d.kind === 'role')) this.addRole(doc, props);
      for (const doc of documents.filter((d) => d.kind === 'token')) this.addToken(doc, props);
      for (const doc of documents.filter((d) => d.kind === 'trusted_cluster')) this.addTrustedCluster(doc, props);
    } catch (e) {
      fail(e);
    }
  }

  private addRole(doc: TctlDocument, props: TctlResourcesProps): void {
    const metadata = toBindingShape('teleport_role', 'metadata', doc.metadata, doc.where) as any;
    const spec = toBindingShape('teleport_role', 'spec', withoutDefaultNamespaces(doc), doc.where) as any;
    checkMetadata(doc, metadata, ['name', 'description', 'labels', 'expires']);
    const name = requireName(doc, metadata);
    if (!(Object.values(RoleVersion) as string[]).includes(doc.version)) {
      throw new TctlYamlError(
        `${doc.where}: field "version" is "${doc.version}", not a role version. Fix: use one of ${Object.values(RoleVersion).join(', ')}.`,
      );
    }
    const role = new Role(this, constructId('Role', name), {
      ...options(props),
      name,
      version: doc.version as RoleVersion,
      subKind: doc.subKind,
      description: metadata.description,
      labels: metadata.labels,
      expires: metadata.expires,
      allow: spec.allow,
      deny: spec.deny,
      options: spec.options,
    });
    if (props.adoptExisting) role.resource.importFrom(name, props.provider);
    this.roleByName.set(name, role);
    Object.defineProperty(this.roles, name, { value: role, enumerable: true, writable: false, configurable: false });
  }

  private addToken(doc: TctlDocument, props: TctlResourcesProps): void {
    const metadata = toBindingShape('teleport_provision_token', 'metadata', doc.metadata, doc.where) as any;
    const spec = toBindingShape('teleport_provision_token', 'spec', doc.spec, doc.where) as any;
    checkMetadata(doc, metadata, ['name', 'description', 'labels', 'expires']);
    rejectSubKind(doc);
    if (metadata.name !== undefined) registerSecret(metadata.name);
    const joinMethod: string = spec.joinMethod ?? 'token';
    if (joinMethod === 'token' && metadata.name !== undefined && !props.allowLiteralSecrets) {
      throw new TctlYamlError(
        `${doc.where}: field "metadata.name" is the token's secret, written here as a literal. Fix: remove metadata.name ` +
          '(the provider generates the token) or set allowLiteralSecrets: true to accept a plaintext secret.',
      );
    }
    const { roles, botName, ...methodSpec } = spec;
    this.provisionTokens.push(
      new ProvisionToken(this, `Token${this.provisionTokens.length + 1}`, {
        ...options(props),
        ...methodSpec,
        joinMethod,
        roles,
        botName,
        name: metadata.name,
        allowLiteralSecret: props.allowLiteralSecrets,
        description: metadata.description,
        labels: metadata.labels,
        expires: metadata.expires,
      }),
    );
  }

  private addTrustedCluster(doc: TctlDocument, props: TctlResourcesProps): void {
    const metadata = toBindingShape('teleport_trusted_cluster', 'metadata', doc.metadata, doc.where) as any;
    const spec = toBindingShape('teleport_trusted_cluster', 'spec', doc.spec, doc.where) as any;
    checkMetadata(doc, metadata, ['name', 'description', 'labels']);
    rejectSubKind(doc);
    const name = requireName(doc, metadata);
    let token: JoinToken;
    if (spec.token !== undefined && props.allowLiteralSecrets) {
      token = JoinToken.unsafePlainText(spec.token);
    } else {
      const variable = this.joinTokenVariable!;
      if (spec.token !== undefined) {
        registerSecret(spec.token);
        Annotations.of(this).addInfo(
          `${doc.where}: the literal spec.token was replaced by the sensitive variable ${variable.friendlyUniqueId}; pass the token at plan time (TF_VAR_${variable.friendlyUniqueId}).`,
        );
      }
      token = JoinToken.fromVariable(variable);
    }
    const roleMap: RoleMapping[] = (spec.roleMap ?? []).map((m: { remote: string; local?: string[] }) => ({
      remote: m.remote,
      local: (m.local ?? []).map((n) => this.roleRef(n)),
    }));
    const cluster = new TrustedCluster(this, constructId('TrustedCluster', name), {
      ...options(props),
      name,
      webProxyAddr: spec.webProxyAddr,
      tunnelAddr: spec.tunnelAddr,
      enabled: spec.enabled,
      // A YAML file that says enabled: false says so explicitly.
      acknowledgeDisabled: spec.enabled === false,
      token,
      roleMap,
      labels: metadata.labels,
      description: metadata.description,
    });
    if (props.adoptExisting) cluster.resource.importFrom(name, props.provider);
    this.clusterByName.set(name, cluster);
    Object.defineProperty(this.trustedClusters, name, { value: cluster, enumerable: true, writable: false, configurable: false });
  }

  /** The role made from the document with this `metadata.name`, or undefined. */
  public role(name: string): Role | undefined {
    checkArgs('TctlResources#role', arguments, this);
    return this.roleByName.get(name);
  }

  /** The trusted cluster made from the document with this `metadata.name`, or undefined. */
  public trustedCluster(name: string): TrustedCluster | undefined {
    checkArgs('TctlResources#trustedCluster', arguments, this);
    return this.clusterByName.get(name);
  }

  /** A sensitive variable `<id>_join_token` (snake case: what users set as TF_VAR_<name>), no default. */
  private newTokenVariable(): TerraformVariable {
    const variable = new TerraformVariable(this, 'JoinToken', {
      type: 'string',
      sensitive: true,
      description: `The join token of the root cluster, for ${this.node.path}`,
    });
    variable.overrideLogicalId(`${this.node.id.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase()}_join_token`);
    return variable;
  }

  private roleRef(name: string): IRole {
    return this.roleByName.get(name) ?? Role.fromName(this, constructId('ExistingRole', name), name);
  }
}

/** True for a trusted cluster document whose token comes from the join-token variable. */
function needsTokenVariable(doc: TctlDocument, props: TctlResourcesProps): boolean {
  return doc.kind === 'trusted_cluster' && !(doc.spec.token !== undefined && doc.spec.token !== null && props.allowLiteralSecrets);
}

/** Fields tctl prints that the server manages: accepted and dropped (`namespace` only as "default"). */
const SERVER_METADATA = new Map<string, (v: unknown) => boolean>([
  ['namespace', (v) => v === 'default'],
  ['revision', () => true],
]);

/** Every metadata field is used by the construct, or is server-managed; anything else is rejected, not dropped. */
function checkMetadata(doc: TctlDocument, metadata: Record<string, unknown>, used: string[]): void {
  for (const [key, value] of Object.entries(metadata)) {
    if (used.includes(key) || SERVER_METADATA.get(key)?.(value)) continue;
    throw new TctlYamlError(
      `${doc.where}: field "metadata.${key}" is not supported for a ${doc.kind} here${key === 'namespace' ? ' (Teleport supports only the "default" namespace)' : ''}. ` +
        `Fix: remove it${used.length ? ` (supported: ${used.join(', ')})` : ''}.`,
    );
  }
}

/** sub_kind means nothing for trusted clusters and tokens: rejected rather than silently dropped. */
function rejectSubKind(doc: TctlDocument): void {
  if (doc.subKind === undefined) return;
  throw new TctlYamlError(
    `${doc.where}: field "sub_kind" is not supported for a ${doc.kind} here. Fix: remove it (or set it on the construct's L1 resource with addOverride("sub_kind", ...)).`,
  );
}

function options(props: TeleportResourceOptions): TeleportResourceOptions {
  return { provider: props.provider, dependsOn: props.dependsOn, lifecycle: props.lifecycle };
}

function requireName(doc: TctlDocument, metadata: { name?: string }): string {
  if (typeof metadata.name !== 'string' || metadata.name === '') {
    throw new TctlYamlError(`${doc.where}: field "metadata.name" is missing. Fix: name the ${doc.kind}.`);
  }
  return metadata.name;
}

/** A construct id from a resource name (`visitor` -> `Role-visitor`); ids may not contain `/`. */
function constructId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/\//g, '_')}`;
}

function readOrThrow(scope: Construct, id: string, file: string): string {
  try {
    return readInputText(file);
  } catch (e) {
    // "cannot read <file>: <why>. Fix: ..." from the reader: regular files only, at most the size limit.
    throw new TctlYamlError(
      `${scope.node.path}/${id}: ${(e as Error).message}${/Fix:/.test((e as Error).message) ? '' : '. Fix: pass the path of a tctl YAML file.'}`,
    );
  }
}
