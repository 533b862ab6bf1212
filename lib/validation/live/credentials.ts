// Web-session credentials per cluster address, from every NAME that reaches it (provider alias,
// trusted cluster name): TELEPORT_<NAME>_USER, _PASSWORD and _OTP, NAME in upper snake case. The
// first complete set wins; a different set under another name is reported, never silently used.
import { registerSecret } from '../../report/redact';
import { Finding } from '../../report/finding';
import { ClusterRef } from './targets';

export interface Credentials {
  readonly user: string;
  readonly password: string;
  readonly otp?: string;
  /** The variable prefix they came from (`TELEPORT_ROOT`), for messages. */
  readonly from: string;
}

/** `TELEPORT_<NAME>_USER`, `_PASSWORD`, `_OTP` with NAME in upper snake case (`root.example.com` -> `ROOT_EXAMPLE_COM`). */
export function credentialVariables(name: string): { user: string; password: string; otp: string } {
  const n = name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return { user: `TELEPORT_${n}_USER`, password: `TELEPORT_${n}_PASSWORD`, otp: `TELEPORT_${n}_OTP` };
}

export function credentialsFor(address: string, refs: readonly ClusterRef[], env: NodeJS.ProcessEnv): { credentials?: Credentials; findings: Finding[] } {
  const names = [...new Set(refs.flatMap((r) => (r.name === undefined ? [] : [r.name])))];
  const sets: Credentials[] = [];
  for (const name of names) {
    const vars = credentialVariables(name);
    const user = env[vars.user];
    const password = env[vars.password];
    if (!user || !password) continue;
    const otp = env[vars.otp] || undefined;
    registerSecret(password);
    registerSecret(otp);
    sets.push({ user, password, otp, from: vars.user.replace(/_USER$/, '') });
  }
  const [first, ...others] = sets;
  const conflicting = others.filter((s) => s.user !== first.user || s.password !== first.password || s.otp !== first.otp);
  const findings: Finding[] = conflicting.map((s) => ({
    severity: 'warning',
    check: 'validate.credentials-conflict',
    resource: address,
    message: `${first.from}_* and ${s.from}_* both name ${address} but differ; ${first.from}_* is used and ${s.from}_* is ignored.`,
    fix: 'set the credentials of one cluster under one name (or give the same values under each).',
  }));
  return { credentials: first, findings };
}
