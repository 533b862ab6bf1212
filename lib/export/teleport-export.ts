// TeleportExport: the public entry point of the exporters (jsii-compatible: static methods, plain data out).
import type { StackConfig } from '../access/access-map';
import { stackFromConfig } from '../config/config-input';
import { loadInput } from '../config/load';
import { TfInput } from '../config/model';
import { checkArgs } from '../api-check/check-args';
import { buildExport } from './build';
import { ExportOptions, ExportResult } from './model';

/**
 * Teleport resources of Terraform JSON (synthesized stacks, L1, hand-written) as tctl resource YAML
 * or as Kubernetes manifests for the Teleport operator, without a secret in the output (see
 * docs/export.md for the mapping and its sources).
 */
export class TeleportExport {
  /** From a `cdktf.out` directory, a stack directory, a `cdk.tf.json` or a `terraform show -json` plan file. */
  public static fromPath(target: string, options: ExportOptions): ExportResult {
    checkArgs('TeleportExport.fromPath', arguments);
    return buildExport(loadInput(target), options);
  }

  /** From synthesized stacks (parsed `cdk.tf.json` documents). */
  public static fromConfig(stacks: StackConfig[], options: ExportOptions): ExportResult {
    checkArgs('TeleportExport.fromConfig', arguments);
    return TeleportExport._fromInput(
      { kind: 'config', stacks: stacks.map((s) => stackFromConfig(s.name, `${s.name}/cdk.tf.json`, s.config)), changes: [], findings: [] },
      options,
    );
  }

  /** @internal */
  public static _fromInput(input: TfInput, options: ExportOptions): ExportResult {
    return buildExport(input, options);
  }

  private constructor() {}
}
