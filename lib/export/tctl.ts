// tctl resource YAML: one document per resource (`kind`, `version`, `metadata`, `spec`), in creation
// order, for `tctl create -f`; join tokens whose name is their secret as `tctl tokens add` commands.
import { ExportCommand } from './model';
import { ExportRun, Prepared, creationOrder, isSecretNameToken } from './prepare';
import { tokensAddCommand } from './token-command';
import { OutDocument } from './yaml-out';

/** The documents and commands of one cluster's resources. */
export interface GroupOutput {
  readonly docs: OutDocument[];
  /** Comment lines for the file's header (commands, what is left out). */
  readonly header: string[];
  readonly commands: ExportCommand[];
}

/** tctl's documents for the resources of one provider configuration of one stack. */
export function tctlGroup(run: ExportRun, stack: string, provider: string, items: readonly Prepared[]): GroupOutput {
  const out: GroupOutput = { docs: [], header: [], commands: [] };
  for (const p of creationOrder(items)) {
    if (isSecretNameToken(p.resource)) {
      const { command, notes } = tokensAddCommand(p, run.options.allowLiteralSecrets === true);
      out.commands.push({ stack, provider, resource: p.resource.address, command });
      out.header.push(
        `Join token ${p.resource.address}: its name is its secret, so it is not written as a document. Create it on this cluster with:`,
        `  ${command}`,
        ...notes.map((n) => `  (${n})`),
      );
      for (const n of notes) run.notes.push({ severity: 'info', stack, resource: p.resource.address, message: `tctl tokens add: ${n}` });
      continue;
    }
    if (!p.version) {
      run.notes.push({
        severity: 'error',
        stack,
        resource: p.resource.address,
        field: 'version',
        message: 'the role has no literal version',
        fix: 'set the role version (v3..v9)',
      });
      continue;
    }
    out.docs.push({
      body: {
        kind: p.kind.tctlKind,
        version: p.version,
        ...(p.subKind ? { sub_kind: p.subKind } : {}),
        metadata: p.metadata,
        spec: p.spec,
      },
      before: [`${p.resource.address}${p.resource.constructPath ? ` (${p.resource.constructPath})` : ''}`],
      comments: p.ctx.comments,
    });
  }
  return out;
}
