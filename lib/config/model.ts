import type { Finding } from '../report/finding';

/**
 * What `cdktf-teleport validate` works on, whatever the input was (a stack directory, a cdk.tf.json,
 * a cdktf.out directory, or `terraform show -json` plan output). Offline and live checks read only
 * this model, never the raw files. Internal API: not exported from lib/index.ts.
 */

/** One Teleport resource or data source, with its configuration in the provider's snake_case. */
export interface TfResource {
  /** The stack (cdktf stack name, or the plan file's base name) the resource belongs to. */
  readonly stack: string;
  /** Terraform address: `teleport_role.visitor`, `data.teleport_role.x`, `module.m.teleport_role.y[0]`. */
  readonly address: string;
  /** `managed` for resources, `data` for data sources. */
  readonly mode: 'managed' | 'data';
  /** Resource type, e.g. `teleport_trusted_cluster`. */
  readonly type: string;
  /** Resource name inside its type. */
  readonly name: string;
  /**
   * The provider configuration key: `teleport` (the default provider) or `teleport.<alias>`.
   */
  readonly providerKey: string;
  /**
   * Attribute values as written (cdk.tf.json) or as planned (plan `after`/`planned_values`), made to
   * fit the provider schema's shapes (lib/config/shape.ts): every value present has the type the
   * schema gives its attribute, nulls are unset, unknown keys are left out. Values that are not
   * known at plan time are `undefined` in a plan; in a config, `${...}` strings in string
   * attributes, and left out (listed in `unknown`) elsewhere.
   */
  readonly values: Record<string, any>;
  /**
   * Plans only: Terraform's `after_unknown` tree (`true` where a value is known only after apply),
   * so that an unknown value is not read as an unset one.
   */
  readonly unknown?: Record<string, any>;
  /**
   * Instance paths (`spec.token`) whose value a plan holds redacted (`terraform-check --plan-json`
   * without `--plan-json-keep-sensitive`): not in `values`, and not unset either.
   */
  readonly redacted?: readonly string[];
  /** Addresses this resource depends on (`depends_on` plus references found in its values). */
  readonly dependsOn: readonly string[];
  /** The construct path cdktf recorded in the resource's `//.metadata.path` (synthesized configurations only). */
  readonly constructPath?: string;
  /**
   * The resource's `"//"` comment object as written (cdktf's metadata, guardrail acknowledgements),
   * when it is an object (synthesized configurations only).
   */
  readonly comment?: Record<string, unknown>;
}

/** One `provider "teleport"` block. */
export interface TfProviderConfig {
  readonly stack: string;
  /** `teleport` or `teleport.<alias>`. */
  readonly key: string;
  /** The alias, when there is one. */
  readonly alias?: string;
  /** Attribute values (`addr`, `identity_file_path`, ...), `${...}` strings where not literal. */
  readonly values: Record<string, any>;
}

/** A planned change, from a plan's `resource_changes` (absent for synthesized configs). */
export interface TfResourceChange {
  readonly stack: string;
  readonly address: string;
  readonly type: string;
  /** Terraform's actions: `["create"]`, `["update"]`, `["delete","create"]`, `["no-op"]`, ... */
  readonly actions: readonly string[];
  readonly before: Record<string, any> | null;
  readonly after: Record<string, any> | null;
  /** `after_unknown`: `true` where a value is known only after apply. */
  readonly afterUnknown?: Record<string, any>;
  /** Paths Terraform says force replacement, if any (`replace_paths`). */
  readonly replacePaths?: readonly (readonly (string | number)[])[];
}

/** One stack's worth of Teleport configuration. */
export interface TfStack {
  readonly name: string;
  /** Where it was read from (file path), for messages. */
  readonly file: string;
  /** The `required_providers.teleport.version` constraint, if any. */
  readonly providerVersionConstraint?: string;
  readonly providers: readonly TfProviderConfig[];
  readonly resources: readonly TfResource[];
  /** The raw Terraform JSON files (cdk.tf.json, *.tf.json) when the input was a config; for the schema check. */
  readonly configs?: readonly { readonly file: string; readonly config: unknown }[];
}

/** Everything `validate` was given. */
export interface TfInput {
  readonly kind: 'config' | 'plan';
  readonly stacks: readonly TfStack[];
  /** Present for plans only. */
  readonly changes: readonly TfResourceChange[];
  /** What the reader could not use (parts of a plan of the wrong shape), as findings. */
  readonly findings: readonly Finding[];
}
