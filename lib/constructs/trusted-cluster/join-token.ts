import { TerraformVariable, Token } from 'cdktf';
import { registerSecret } from '../../report/redact';
import { checkArgs } from '../../api-check/check-args';
import { ProvisionToken } from '../provision-token';

/**
 * Where a trusted cluster's join token comes from. The token is a secret: it reaches synthesized
 * JSON only as a reference (`${...}`) unless you explicitly choose `unsafePlainText`. Once the leaf
 * has joined, `alreadyJoined()` says the token is no longer needed.
 */
export class JoinToken {
  /** The root cluster's `Trusted_cluster` provision token (same stack or another stack of the app). */
  public static fromProvisionToken(token: ProvisionToken): JoinToken {
    checkArgs('JoinToken.fromProvisionToken', arguments);
    return new JoinToken(token.tokenName, 'provision-token', token);
  }

  /** A sensitive Terraform variable holding the token (`sensitive: true` is required). */
  public static fromVariable(variable: TerraformVariable): JoinToken {
    checkArgs('JoinToken.fromVariable', arguments);
    if (variable.default !== undefined) registerSecret(variable.default);
    return new JoinToken(variable.stringValue, 'variable', undefined, variable);
  }

  /** Any other reference that resolves at plan time (remote state, a secrets-manager data source). */
  public static fromReference(reference: string): JoinToken {
    checkArgs('JoinToken.fromReference', arguments);
    return new JoinToken(reference, 'reference');
  }

  /**
   * No token: the leaf has already joined (the "joined" phase). `spec.token` is omitted from the
   * configuration; `ignore_changes` keeps the value in Terraform state, so the plan shows no diff
   * and nothing needs the secret any more (no `TF_VAR_...` on every plan, no root token to keep
   * alive). Teleport needs a token only to create the trusted cluster: if it is ever created or
   * replaced again, switch back to a token source for that apply (docs/provision-token.md).
   */
  public static alreadyJoined(): JoinToken {
    return new JoinToken(undefined, 'joined');
  }

  /**
   * A literal token. It will be written in plaintext to cdk.tf.json and plans: only for throwaway
   * test clusters. The name says so on purpose.
   */
  public static unsafePlainText(value: string): JoinToken {
    checkArgs('JoinToken.unsafePlainText', arguments);
    registerSecret(value);
    return new JoinToken(value, 'literal');
  }

  private constructor(
    /** The value written to `spec.token`: a reference, the literal for `unsafePlainText`, or none once joined. */
    public readonly value: string | undefined,
    /** How the token was given: `provision-token`, `variable`, `reference`, `literal` or `joined`. */
    public readonly source: string,
    /** The provision token, when the token comes from one. */
    public readonly provisionToken?: ProvisionToken,
    /** The variable, when the token comes from one. */
    public readonly variable?: TerraformVariable,
  ) {}

  /** True when the value is a reference resolved by Terraform (not a literal, not joined). */
  public get isReference(): boolean {
    return this.value !== undefined && Token.isUnresolved(this.value);
  }

  /** True for `alreadyJoined()`: no `spec.token` is written. */
  public get isJoined(): boolean {
    return this.source === 'joined';
  }
}
