import { registerSecret } from '../../report/redact';
import { checkArgs } from '../../api-check/check-args';

/** Native Machine ID joining: Terraform joins the cluster itself with a delegated join method. */
export interface MachineIdAuthProps {
  /** `join_method`: a delegated join method (e.g. `github`, `gitlab`, `kubernetes`, `iam`, `terraform_cloud`). */
  readonly joinMethod: string;
  /** `join_token`: the name of the bot's provision token (not a secret for delegated methods). */
  readonly joinToken: string;
  /**
   * `audience_tag`, for the `terraform_cloud` method.
   * @default none
   */
  readonly audienceTag?: string;
  /**
   * `gitlab_id_token_env_var`, for the `gitlab` method.
   * @default TBOT_GITLAB_JWT (the provider's default)
   */
  readonly gitlabIdTokenEnvVar?: string;
}

/** A tsh profile on the machine that runs Terraform. */
export interface ProfileAuthProps {
  /**
   * `profile_name`.
   * @default the current profile
   */
  readonly profileName?: string;
  /**
   * `profile_dir`.
   * @default ~/.tsh
   */
  readonly profileDir?: string;
}

/** TLS key, certificate and root CA, as files. */
export interface CertificateFilesAuthProps {
  /** `cert_path`. */
  readonly certPath: string;
  /** `key_path`. */
  readonly keyPath: string;
  /** `root_ca_path`. */
  readonly rootCaPath: string;
}

/** TLS key, certificate and root CA, base64-encoded in the configuration. */
export interface CertificateBase64AuthProps {
  /** `cert_base64`. */
  readonly certBase64: string;
  /** `key_base64` (sensitive): a reference such as a sensitive variable's value. */
  readonly keyBase64: string;
  /** `root_ca_base64`. */
  readonly rootCaBase64: string;
}

/**
 * How the Teleport provider authenticates: one factory per method the provider documents. Secret
 * material (identity file content, keys) must be a reference to a sensitive variable or resource
 * attribute; the `unsafe...` factories accept literals on purpose.
 */
export class ProviderAuth {
  /** An identity file on disk (`tctl auth sign --format=file`, or tbot's output): `identity_file_path`. */
  public static identityFilePath(path: string): ProviderAuth {
    checkArgs('ProviderAuth.identityFilePath', arguments);
    return new ProviderAuth({ identity_file_path: path }, []);
  }

  /** Identity file content (`identity_file`, sensitive): a reference such as a sensitive variable's value. */
  public static identityFile(content: string): ProviderAuth {
    checkArgs('ProviderAuth.identityFile', arguments);
    return new ProviderAuth({ identity_file: content }, ['identity_file']);
  }

  /** Base64 identity file content (`identity_file_base64`, sensitive): a reference. */
  public static identityFileBase64(content: string): ProviderAuth {
    checkArgs('ProviderAuth.identityFileBase64', arguments);
    return new ProviderAuth({ identity_file_base64: content }, ['identity_file_base64']);
  }

  /** Identity file content given as a literal: it is written in plaintext to cdk.tf.json. */
  public static unsafeIdentityFilePlainText(content: string): ProviderAuth {
    checkArgs('ProviderAuth.unsafeIdentityFilePlainText', arguments);
    registerSecret(content);
    return new ProviderAuth({ identity_file: content }, [], true);
  }

  /** Native Machine ID joining (`join_method`, `join_token`, ...). */
  public static machineId(props: MachineIdAuthProps): ProviderAuth {
    checkArgs('ProviderAuth.machineId', arguments);
    return new ProviderAuth(
      {
        join_method: props.joinMethod,
        join_token: props.joinToken,
        audience_tag: props.audienceTag,
        gitlab_id_token_env_var: props.gitlabIdTokenEnvVar,
      },
      [],
    );
  }

  /** A tsh profile (`profile_name`, `profile_dir`), for local use. */
  public static profile(props: ProfileAuthProps = {}): ProviderAuth {
    checkArgs('ProviderAuth.profile', arguments);
    return new ProviderAuth({ profile_name: props.profileName, profile_dir: props.profileDir }, []);
  }

  /** Key, certificate and root CA files (`key_path`, `cert_path`, `root_ca_path`). */
  public static certificateFiles(props: CertificateFilesAuthProps): ProviderAuth {
    checkArgs('ProviderAuth.certificateFiles', arguments);
    return new ProviderAuth({ cert_path: props.certPath, key_path: props.keyPath, root_ca_path: props.rootCaPath }, []);
  }

  /** Key, certificate and root CA as base64 content (`key_base64` is sensitive and must be a reference). */
  public static certificateBase64(props: CertificateBase64AuthProps): ProviderAuth {
    checkArgs('ProviderAuth.certificateBase64', arguments);
    return new ProviderAuth({ cert_base64: props.certBase64, key_base64: props.keyBase64, root_ca_base64: props.rootCaBase64 }, ['key_base64']);
  }

  /** Nothing in the configuration: the provider reads `TF_TELEPORT_*` environment variables. */
  public static fromEnvironment(): ProviderAuth {
    return new ProviderAuth({}, []);
  }

  private constructor(
    /** @internal provider attributes, snake_case as in the schema */
    public readonly _attributes: { [key: string]: string | undefined },
    /** @internal attributes that are secret and must be references */
    public readonly _secretAttributes: string[],
    /** @internal a literal secret was explicitly accepted */
    public readonly _literalAccepted: boolean = false,
  ) {}
}
