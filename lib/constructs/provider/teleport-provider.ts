import { Construct } from 'constructs';
import * as l1 from '../../gen';
import { addressProblem } from '../../common/address-rules';
import { parseGoDuration } from '../../common/duration';
import { Rule, isKnown, rule, validateWith } from '../rules';
import { secretProblems } from '../secret';
import { DELEGATED_JOIN_METHODS } from './join-methods';
import { ProviderAuth } from './provider-auth';
import { checkArgs } from '../../api-check/check-args';

/** Props of the Teleport provider. */
export interface TeleportProviderProps {
  /**
   * `addr`: the Proxy Service (`host:443`) or Auth Service (`host:3025`) address.
   * @default TF_TELEPORT_ADDR from the environment
   */
  readonly addr?: string;
  /**
   * How the provider authenticates.
   * @default ProviderAuth.fromEnvironment()
   */
  readonly auth?: ProviderAuth;
  /**
   * Provider alias, for stacks that manage several clusters (`provider: "teleport.<alias>"`).
   * @default the default (unaliased) provider
   */
  readonly alias?: string;
  /**
   * `insecure`: skip TLS verification of the Proxy Service. Only for test clusters.
   * @default false
   */
  readonly insecure?: boolean;
  /**
   * `dial_timeout_duration`, a Go duration.
   * @default the provider's default
   */
  readonly dialTimeoutDuration?: string;
  /**
   * `retry_base_duration`, a Go duration.
   * @default the provider's default
   */
  readonly retryBaseDuration?: string;
  /**
   * `retry_cap_duration`, a Go duration.
   * @default the provider's default
   */
  readonly retryCapDuration?: string;
  /**
   * `retry_max_tries` (a string in the provider schema).
   * @default the provider's default
   */
  readonly retryMaxTries?: string;
}

const RULES: readonly Rule<TeleportProviderProps>[] = [
  { field: 'addr', check: (p) => (isKnown(p.addr) ? addressProblem('provider_addr', p.addr!) : undefined) },
  ...(['dialTimeoutDuration', 'retryBaseDuration', 'retryCapDuration'] as const).map((k) =>
    rule({
      field: k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
      find: (p: TeleportProviderProps) => isKnown(p[k]) && parseGoDuration(p[k]!) === undefined,
      message: (_, p) => `"${p[k]}" is not a Go duration.`,
      fix: 'write a duration such as "30s", "1m" or "1h30m".',
    }),
  ),
  rule({
    field: 'retry_max_tries',
    find: (p) => isKnown(p.retryMaxTries) && !/^\d+$/.test(p.retryMaxTries!),
    message: (_, p) => `"${p.retryMaxTries}" is not a whole number.`,
    fix: 'write the number of tries as a string, e.g. "10".',
  }),
  rule({
    field: 'join_method',
    find: (p) => isKnown(p.auth?._attributes.join_method) && !DELEGATED_JOIN_METHODS.includes(p.auth!._attributes.join_method!),
    message: (_, p) => `"${p.auth!._attributes.join_method}" is not a delegated join method; native Machine ID joining needs one.`,
    fix: `use one of ${DELEGATED_JOIN_METHODS.join(', ')}; for a secret token use tbot and ProviderAuth.identityFilePath().`,
  }),
];

/**
 * The Teleport provider, with one typed factory per documented auth method (`ProviderAuth`) and
 * secrets kept out of the synthesized JSON. Use `alias` for several clusters in one stack.
 */
export class TeleportProvider extends l1.provider.TeleportProvider {
  constructor(scope: Construct, id: string, props: TeleportProviderProps = {}) {
    checkArgs('new TeleportProvider', arguments);
    const auth = props.auth ?? ProviderAuth.fromEnvironment();
    const a = auth._attributes;
    super(scope, id, {
      alias: props.alias,
      addr: props.addr,
      insecure: props.insecure,
      dialTimeoutDuration: props.dialTimeoutDuration,
      retryBaseDuration: props.retryBaseDuration,
      retryCapDuration: props.retryCapDuration,
      retryMaxTries: props.retryMaxTries,
      identityFilePath: a.identity_file_path,
      identityFile: a.identity_file,
      identityFileBase64: a.identity_file_base64,
      joinMethod: a.join_method,
      joinToken: a.join_token,
      audienceTag: a.audience_tag,
      gitlabIdTokenEnvVar: a.gitlab_id_token_env_var,
      profileName: a.profile_name,
      profileDir: a.profile_dir,
      certPath: a.cert_path,
      keyPath: a.key_path,
      rootCaPath: a.root_ca_path,
      certBase64: a.cert_base64,
      keyBase64: a.key_base64,
      rootCaBase64: a.root_ca_base64,
    });
    validateWith(this, () => props, RULES);
    this.node.addValidation({
      validate: () =>
        auth._secretAttributes.flatMap((attr) =>
          secretProblems(this, {
            field: attr,
            value: a[attr],
            optedIn: auth._literalAccepted,
            optIn: attr === 'identity_file' ? 'use ProviderAuth.unsafeIdentityFilePlainText()' : undefined,
          }),
        ),
    });
  }
}
