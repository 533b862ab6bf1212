// AccessMap: the public entry point of the access model (jsii-compatible: plain data out).
import { TfInput } from '../config/model';
import { loadInput } from '../config/load';
import { stackFromConfig } from '../config/config-input';
import { stackFromPlan } from '../config/plan-input';
import { checkArgs } from '../api-check/check-args';
import { buildAccessMap } from './build';
import { diffAccessMaps } from './diff';
import { AccessDiffData, AccessMapData, TrustEdge } from './model';
import { renderMarkdown } from './render/markdown';
import { renderText } from './render/text';
import { remotePattern } from './role-map';

/** One synthesized stack: its name and its parsed Terraform JSON (`cdk.tf.json`). */
export interface StackConfig {
  readonly name: string;
  readonly config: any;
}

/** What to keep of a map. */
export interface AccessFilter {
  /** Only trusts whose leaf is this cluster (its name, or `<stack>/<provider>`). @default every leaf */
  readonly leaf?: string;
  /** Only what this root role reaches (its own path, else the patterns that match the name). @default every root role */
  readonly rootRole?: string;
}

/** The JSON report (`--format json`), validated by schemas/access-report.schema.json. */
export interface AccessReport {
  readonly schemaVersion: number;
  readonly map: AccessMapData;
  /** With a base: the changes from it. @default none */
  readonly diff?: AccessDiffData;
}

/**
 * What the trust of a configuration grants: per trusted cluster, which root roles reach which leaf
 * roles and what those allow (see docs/access.md for the rules and their Teleport sources).
 */
export class AccessMap {
  /** From a `cdktf.out` directory, a stack directory, a `cdk.tf.json` or a `terraform show -json` plan file. */
  public static fromPath(target: string): AccessMap {
    checkArgs('AccessMap.fromPath', arguments);
    return AccessMap._fromInput(loadInput(target));
  }

  /** From synthesized stacks (parsed `cdk.tf.json` documents). */
  public static fromConfig(stacks: StackConfig[]): AccessMap {
    checkArgs('AccessMap.fromConfig', arguments);
    return AccessMap._fromInput({
      kind: 'config',
      stacks: stacks.map((s) => stackFromConfig(s.name, `${s.name}/cdk.tf.json`, s.config)),
      changes: [],
      findings: [],
    });
  }

  /** From a parsed `terraform show -json` plan (planned values; unknown values are known only at apply). */
  public static fromPlan(name: string, plan: { [key: string]: any }): AccessMap {
    checkArgs('AccessMap.fromPlan', arguments);
    const { stack, changes } = stackFromPlan(name, `${name}.plan.json`, plan);
    return AccessMap._fromInput({ kind: 'plan', stacks: [stack], changes, findings: [] });
  }

  /** @internal */
  public static _fromInput(input: TfInput): AccessMap {
    return new AccessMap(buildAccessMap(input));
  }

  private constructor(
    /** The map as plain data. */
    public readonly data: AccessMapData,
  ) {}

  /** Every trusted cluster with what it grants. */
  public get trusts(): TrustEdge[] {
    return this.data.trusts;
  }

  /** A map with only what the filter keeps. */
  public filter(filter: AccessFilter): AccessMap {
    checkArgs('AccessMap#filter', arguments);
    let trusts = this.data.trusts;
    if (filter.leaf !== undefined) trusts = trusts.filter((t) => t.leaf.name === filter.leaf || `${t.leaf.stack}/${t.leaf.provider}` === filter.leaf);
    const role = filter.rootRole;
    if (role !== undefined) {
      trusts = trusts.map((t) => {
        const own = t.paths.filter((p) => p.root === role && p.rootKind !== 'pattern');
        const paths = own.length ? own : t.paths.filter((p) => p.rootKind === 'pattern' && remotePattern(p.root).map(role, ['x']) !== undefined);
        return { ...t, paths };
      });
    }
    return new AccessMap({ ...this.data, trusts });
  }

  /** The grant-level changes from `base` to this map. */
  public diffFrom(base: AccessMap): AccessDiffData {
    checkArgs('AccessMap#diffFrom', arguments);
    return diffAccessMaps(base.data, this.data);
  }

  /** The text report. */
  public toText(base?: AccessMap): string {
    checkArgs('AccessMap#toText', arguments);
    return renderText(this.data, base ? this.diffFrom(base) : undefined);
  }

  /** The Markdown report (a pull-request comment). */
  public toMarkdown(base?: AccessMap): string {
    checkArgs('AccessMap#toMarkdown', arguments);
    return renderMarkdown(this.data, base ? this.diffFrom(base) : undefined);
  }

  /** The JSON report. */
  public toReport(base?: AccessMap): AccessReport {
    checkArgs('AccessMap#toReport', arguments);
    return { schemaVersion: this.data.schemaVersion, map: this.data, ...(base ? { diff: this.diffFrom(base) } : {}) };
  }
}
