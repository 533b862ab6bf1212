// The public shapes of an export (jsii-compatible: plain data out).

/** What to export to. */
export enum ExportFormat {
  /** tctl resource YAML (`kind`, `version`, `metadata`, `spec`), for `tctl create -f`. */
  TCTL = 'tctl',
  /** Kubernetes manifests of the Teleport operator's custom resources (`resources.teleport.dev`). */
  OPERATOR = 'operator',
}

/** How to export. */
export interface ExportOptions {
  /** tctl YAML or operator manifests. */
  readonly format: ExportFormat;
  /**
   * The Kubernetes namespace of every manifest (operator only).
   * @default none: the manifests carry no namespace (kubectl applies them to its current one)
   */
  readonly namespace?: string;
  /**
   * Only this stack.
   * @default every stack
   */
  readonly stack?: string;
  /**
   * Write literal secrets (a trusted cluster's literal `spec.token`, a token's literal name) into the
   * output. They are plaintext there.
   * @default false: a literal secret becomes a placeholder
   */
  readonly allowLiteralSecrets?: boolean;
}

/** One output file: the documents of one stack for one cluster (one provider configuration). */
export interface ExportedFile {
  /** File name (no directory): `<stack>.yaml`, or `<stack>-<alias>.yaml` when the stack configures several clusters. */
  readonly name: string;
  readonly stack: string;
  /** The provider configuration the resources belong to: `teleport` or `teleport.<alias>`. */
  readonly provider: string;
  /** The YAML text (documents separated by `---`, comments for placeholders and join-token commands). */
  readonly content: string;
  /** How many documents `content` holds. */
  readonly documents: number;
}

/** A value written as a placeholder: known only at apply, or a secret. */
export interface ExportPlaceholder {
  readonly stack: string;
  /** Terraform address of the resource. */
  readonly resource: string;
  /** The field (`spec.token`). */
  readonly field: string;
  /** What stands in the output (`${TF_VAR_root_join_token}`), or `(left out)`. */
  readonly placeholder: string;
  /** Where the real value comes from. */
  readonly reason: string;
  /** True when the value is a secret. */
  readonly secret: boolean;
}

/** A `tctl` command to run instead of a document (join tokens, whose name is their secret). */
export interface ExportCommand {
  readonly stack: string;
  readonly provider: string;
  readonly resource: string;
  /** The command line (`tctl tokens add --type=trusted_cluster --ttl=1h`). */
  readonly command: string;
}

/** Something the export could not carry over as is. */
export interface ExportNote {
  /** `error` (the resource is not exported), `warning` (exported, something left out) or `info`. */
  readonly severity: string;
  readonly stack: string;
  readonly resource: string;
  /** The field concerned. @default the whole resource */
  readonly field?: string;
  readonly message: string;
  /** What to do. @default none */
  readonly fix?: string;
}

/** The result of an export. */
export interface ExportResult {
  readonly files: ExportedFile[];
  readonly placeholders: ExportPlaceholder[];
  readonly commands: ExportCommand[];
  readonly notes: ExportNote[];
}
