import { TerraformVariable, Token } from 'cdktf';
import { registerSecret } from '../../report/redact';
import { ProvisionToken } from '../provision-token';

/**
 * Where a trusted cluster's join token comes from. The token is a secret: it reaches synthesized
 * JSON only as a reference (`${...}`) unless you explicitly choose `unsafePlainText`.
 */
export class JoinToken {
  /** The root cluster's `Trusted_cluster` provision token (same stack or another stack of the app). */
  public static fromProvisionToken(token: ProvisionToken): JoinToken {
    return new JoinToken(token.tokenName, 'provision-token', token);
  }

  /** A sensitive Terraform variable holding the token (`sensitive: true` is required). */
  public static fromVariable(variable: TerraformVariable): JoinToken {
    if (variable.default !== undefined) registerSecret(variable.default);
    return new JoinToken(variable.stringValue, 'variable', undefined, variable);
  }

  /** Any other reference that resolves at plan time (remote state, a secrets-manager data source). */
  public static fromReference(reference: string): JoinToken {
    return new JoinToken(reference, 'reference');
  }

  /**
   * A literal token. It will be written in plaintext to cdk.tf.json and plans: only for throwaway
   * test clusters. The name says so on purpose.
   */
  public static unsafePlainText(value: string): JoinToken {
    registerSecret(value);
    return new JoinToken(value, 'literal');
  }

  private constructor(
    /** The value written to `spec.token`: a reference, or the literal for `unsafePlainText`. */
    public readonly value: string,
    /** How the token was given: `provision-token`, `variable`, `reference` or `literal`. */
    public readonly source: string,
    /** The provision token, when the token comes from one. */
    public readonly provisionToken?: ProvisionToken,
    /** The variable, when the token comes from one. */
    public readonly variable?: TerraformVariable,
  ) {}

  /** True when the value is a reference resolved by Terraform (not a literal). */
  public get isReference(): boolean {
    return Token.isUnresolved(this.value);
  }
}
