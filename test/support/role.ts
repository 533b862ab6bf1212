// Helpers for the Role tests (test/constructs/role-*.test.ts): the server defaults every role gets,
// and the synthesized teleport_role of a Role.
import { TerraformStack } from 'cdktf';
import { checkConfig } from '../../lib/check';
import { Role } from '../../lib/constructs/role';
import { resourceOf, synthJson } from './constructs';

/** What Teleport fills into `spec.options` of every role (api/types/role.go CheckAndSetDefaults). */
export const OPTIONS_V8 = {
  cert_format: 'standard',
  max_session_ttl: '30h0m0s',
  enhanced_recording: ['command', 'network'],
  record_session: { desktop: true, default: 'best_effort' },
  desktop_clipboard: true,
  desktop_directory_sharing: true,
  create_desktop_user: false,
  create_db_user: false,
  ssh_file_copy: true,
};

/** Role v7 and below also get the legacy SAML IdP option. */
export const OPTIONS_V7 = { ...OPTIONS_V8, idp: { saml: { enabled: true } } };

/** The `teleport_role` of a Role in synthesized JSON, without cdktf's `//` metadata. */
export function roleOf(json: any, role: Role): any {
  const { '//': _meta, ...rest } = resourceOf(json, role.resource);
  return rest;
}

/**
 * Synthesizes the role's stack (validations on) and returns the role's `teleport_role`. Throws if
 * the offline schema check (`cdktf-teleport check`) finds an error in what was synthesized.
 */
export function synthRole(role: Role): any {
  const json = synthJson(TerraformStack.of(role));
  const errors = checkConfig(json).filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new Error(`the offline schema check rejects the synthesized stack: ${JSON.stringify(errors)}`);
  return roleOf(json, role);
}
