// Kubernetes manifests for the Teleport operator: one custom resource per resource, of the kind its
// version names; a trusted cluster's token as a `secret://` lookup of a Secret skeleton (annotated
// for that custom resource, no value); join tokens whose name is their secret are not exported.
import { isTemplate } from '../config/shape';
import { LOOKUP_ANNOTATION, SECRET_TOKEN_KEY } from './mapping';
import { ExportRun, Prepared, creationOrder, isSecretNameToken } from './prepare';
import { GroupOutput } from './tctl';
import { tokensAddCommand } from './token-command';

const DNS_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS_SUBDOMAIN = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*$`);
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** A Kubernetes object name (DNS-1123 subdomain, at most 253 characters). */
export const isObjectName = (name: string): boolean => name.length <= 253 && DNS_SUBDOMAIN.test(name);
/** A Kubernetes namespace name (DNS-1123 label, at most 63 characters). */
export const isNamespaceName = (name: string): boolean => name.length <= 63 && new RegExp(`^${DNS_LABEL}$`).test(name);

/** A Kubernetes label key (`[prefix/]name`) and value. */
function labelProblem(key: string, value: unknown): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if ((prefix !== undefined && !isObjectName(prefix)) || name.length > 63 || !LABEL_NAME.test(name)) return 'its key is not a Kubernetes label key';
  if (typeof value !== 'string' || (value !== '' && (value.length > 63 || !LABEL_NAME.test(value))))
    return 'its value is not a Kubernetes label value';
  return undefined;
}

/** The CR's metadata: name, namespace, Kubernetes labels (the operator takes the Teleport labels from them). */
function crMetadata(run: ExportRun, stack: string, p: Prepared, name: string): Record<string, unknown> {
  const labels: Record<string, string> = {};
  const given = p.metadata.labels ?? {};
  for (const key of Object.keys(given)) {
    const problem = labelProblem(key, given[key]);
    if (problem) {
      run.notes.push({
        severity: 'error',
        stack,
        resource: p.resource.address,
        field: `metadata.labels[${JSON.stringify(key.slice(0, 100))}]`,
        message: `the label cannot be a Kubernetes label: ${problem}`,
        fix: 'rename the label (letters, digits, -, _, . ; at most 63 characters), or manage this resource with tctl or Terraform',
      });
    } else labels[key] = given[key];
  }
  for (const field of ['description', 'expires']) {
    if (p.metadata[field] !== undefined) {
      run.notes.push({
        severity: 'warning',
        stack,
        resource: p.resource.address,
        field: `metadata.${field}`,
        message: `a custom resource has no ${field}: left out`,
      });
    }
  }
  return { name, ...(run.options.namespace ? { namespace: run.options.namespace } : {}), ...(Object.keys(labels).length ? { labels } : {}) };
}

/** The trusted cluster's Secret skeleton: the lookup annotation for the CR, no value (or the literal, when allowed). */
function secretSkeleton(run: ExportRun, p: Prepared, crName: string, secretName: string, literal: string | undefined) {
  return {
    body: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: secretName,
        ...(run.options.namespace ? { namespace: run.options.namespace } : {}),
        annotations: { [LOOKUP_ANNOTATION]: crName },
      },
      type: 'Opaque',
      ...(literal !== undefined ? { stringData: { [SECRET_TOKEN_KEY]: literal } } : {}),
    },
    before: [
      `The join token of ${p.resource.address}, looked up by the custom resource ${crName} (secret://${secretName}/${SECRET_TOKEN_KEY}).`,
      ...(literal === undefined
        ? [`No value here: add stringData.${SECRET_TOKEN_KEY} from your secret store before applying (the token the root's tctl tokens add printed).`]
        : []),
    ],
    comments: [],
  };
}

/** The operator's manifests for the resources of one provider configuration of one stack. */
export function operatorGroup(run: ExportRun, stack: string, provider: string, items: readonly Prepared[]): GroupOutput {
  const out: GroupOutput = { docs: [], header: [], commands: [] };
  const error = (p: Prepared, field: string | undefined, message: string, fix: string) =>
    run.notes.push({ severity: 'error', stack, resource: p.resource.address, ...(field ? { field } : {}), message, fix });
  for (const p of creationOrder(items)) {
    if (isSecretNameToken(p.resource)) {
      const { command } = tokensAddCommand(p, false);
      out.commands.push({ stack, provider, resource: p.resource.address, command });
      out.header.push(
        `Join token ${p.resource.address} is not exported: its name is its secret, and a custom resource's name is not secret.`,
        `  Create it on this cluster with: ${command}`,
      );
      run.notes.push({
        severity: 'warning',
        stack,
        resource: p.resource.address,
        message:
          "not exported as a TeleportProvisionToken: the token's name is its secret, and a custom resource's name is readable by anyone " +
          'who can list those resources (and shows in kubectl output and events)',
        fix: `create it on the cluster with \`${command}\` (or keep it in Terraform), and put the token into the leaf's Secret`,
      });
      continue;
    }
    const target = p.kind.operator[p.version];
    if (!target) {
      const known = Object.keys(p.kind.operator).join(', ');
      error(
        p,
        'version',
        `${p.resource.type} version "${p.version}" has no operator custom resource here (exported: ${known})`,
        p.resource.type === 'teleport_role'
          ? "move the role to v7 or v8, or export it with --to tctl (the operator's TeleportRole is role v5, with no field reference here)"
          : 'export it with --to tctl',
      );
      continue;
    }
    const name = p.literalName;
    if (name === undefined || !isObjectName(name)) {
      error(
        p,
        'metadata.name',
        name === undefined
          ? 'the name is known only at apply, and a custom resource needs one'
          : 'the name is not a Kubernetes object name (lowercase letters, digits, - and ., at most 253 characters)',
        'give the resource a literal lowercase name, or manage it with tctl or Terraform',
      );
      continue;
    }
    if (p.subKind)
      run.notes.push({
        severity: 'warning',
        stack,
        resource: p.resource.address,
        field: 'sub_kind',
        message: 'a custom resource has no sub_kind: left out',
      });
    const spec = { ...p.spec };
    if (p.resource.type === 'teleport_trusted_cluster') {
      const secretName = `${name}-join-token`.slice(0, 253);
      const raw = p.resource.values.spec?.token;
      const literal = typeof raw === 'string' && !isTemplate(raw) && run.options.allowLiteralSecrets ? raw : undefined;
      const lookup = `secret://${secretName}/${SECRET_TOKEN_KEY}`;
      const where = `the Secret ${secretName}, key ${SECRET_TOKEN_KEY}`;
      // The spec holds the lookup; what the tctl form would hold as a placeholder now says where the Secret's value comes from.
      const at = run.placeholders.findIndex((x) => x.resource === p.resource.address && x.stack === stack && x.field === 'spec.token');
      if (at >= 0) run.placeholders[at] = { ...run.placeholders[at], placeholder: lookup, reason: `${run.placeholders[at].reason}, into ${where}` };
      else if (literal === undefined) {
        run.placeholders.push({
          stack,
          resource: p.resource.address,
          field: 'spec.token',
          placeholder: lookup,
          reason: `the join token, into ${where}`,
          secret: true,
        });
      }
      const reason = at >= 0 ? run.placeholders[at].reason : literal !== undefined ? `a literal, in ${where}` : `the join token, into ${where}`;
      p.ctx.comments.splice(0, p.ctx.comments.length, ...p.ctx.comments.filter((c) => c.path.join('.') !== 'spec.token'), {
        path: ['spec', 'token'],
        text: `secret: ${reason}`,
      });
      spec.token = lookup;
      out.docs.push(secretSkeleton(run, p, name, secretName, literal));
    }
    out.docs.push({
      body: { apiVersion: target.apiVersion, kind: target.kind, metadata: crMetadata(run, stack, p, name), spec },
      before: [`${p.resource.address}${p.resource.constructPath ? ` (${p.resource.constructPath})` : ''}`],
      comments: p.ctx.comments.filter((c) => c.path[0] === 'spec'),
    });
  }
  return out;
}
