// The access map at scale: 10,000 roles (1,000 on the root, 9 on each of 1,000 leaves) and 1,000
// trusted clusters, each mapping an exact name, a glob and an RE2 expression with $1. The figure is
// the time to read the synthesized cdktf.out and build the map (plus the text report and a diff
// against itself) as a ratio of the synth of the same configuration, measured in this process; and
// the strict guardrails over the same configuration (the access map plus every rule), likewise.
// The synth runs without guardrails (their figure is the second ratio, and these roles break
// TG103 on purpose: `{{internal.logins}}` can be root).
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
// The app, the constructs and AccessMap from the package's main, as a user's program loads them. The
// guardrails' evaluation is internal (not in the main): it and the pack it is given come from the
// compiled modules, one copy of each (a class of the bundled main is not the same class as its module file's).
import { AccessMap, Guardrails, JoinToken, Role, RoleVersion, TeleportApp, TeleportProvider, TrustedCluster } from '../lib';
import { evaluateGuardrails } from '../lib/guardrails/evaluate';
import { GuardrailsPack } from '../lib/guardrails/pack';
import { loadInput } from '../lib/config/load';
import { Target, atMost, median, round } from './stats';

export const LEAVES = 1000;
export const ROOT_ROLES = 1000;
export const ROLES_PER_LEAF = 9;

function build(app: TeleportApp, leaves: number): void {
  const rootStack = new TerraformStack(app, 'root');
  new TeleportProvider(rootStack, 'teleport', { addr: 'root.example.com:443' });
  for (let i = 0; i < ROOT_ROLES; i++)
    new Role(rootStack, `Team${i}`, { name: `team-${i % 100}-${i}`, version: RoleVersion.V7, allow: { logins: [`u${i}`, '{{internal.logins}}'] } });
  const leafStack = new TerraformStack(app, 'leaves');
  for (let l = 0; l < leaves; l++) {
    const provider = new TeleportProvider(leafStack, `leaf${l}`, { alias: `leaf${l}`, addr: `leaf-${l}.example.com:443` });
    const roles = Array.from(
      { length: ROLES_PER_LEAF },
      (_, r) =>
        new Role(leafStack, `L${l}R${r}`, {
          provider,
          name: `leaf-${r}`,
          version: RoleVersion.V7,
          allow: { logins: r % 2 ? ['{{internal.logins}}'] : [`svc${r}`], nodeLabels: { env: [`e${r}`] } },
        }),
    );
    new TrustedCluster(leafStack, `Trust${l}`, {
      provider,
      name: 'root.example.com',
      webProxyAddr: 'root.example.com:443',
      token: JoinToken.alreadyJoined(),
      roleMap: [
        { remote: 'access', local: [roles[0]] },
        { remote: `team-${l % 100}-*`, local: [roles[1], roles[2]] },
        { remote: `^team-(${l % 100})-(.*)$`, local: [Role.fromName(leafStack, `Exp${l}`, 'leaf-$2')] },
      ],
    });
  }
}

export function accessBench(scratch: string): { targets: Target[]; details: Record<string, unknown> } {
  const outdir = path.join(scratch, 'access-out');
  // A small synth first: the one-time loads are the import benchmark's business, not this ratio's.
  const warm = new TeleportApp({ outdir: path.join(scratch, 'access-warm'), guardrails: Guardrails.OFF });
  build(warm, 5);
  warm.synth();
  const synthStart = process.hrtime.bigint();
  const app = new TeleportApp({ outdir, guardrails: Guardrails.OFF });
  build(app, LEAVES);
  app.synth();
  const synthMs = Number(process.hrtime.bigint() - synthStart) / 1e6;
  AccessMap.fromPath(path.join(scratch, 'access-warm')).toText(); // load and JIT the model once
  const runs: number[] = [];
  let trusts = 0;
  let paths = 0;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    const map = AccessMap.fromPath(outdir);
    map.toText(map);
    runs.push(Number(process.hrtime.bigint() - t) / 1e6);
    trusts = map.trusts.length;
    paths = map.trusts.reduce((n, x) => n + x.paths.length, 0);
  }
  if (trusts !== LEAVES) throw new Error(`access bench: expected ${LEAVES} trusted clusters, got ${trusts}`);
  evaluateGuardrails(loadInput(path.join(scratch, 'access-warm')), GuardrailsPack.STRICT); // load and JIT the rules once
  const guardrailRuns: number[] = [];
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    findings = evaluateGuardrails(loadInput(outdir), GuardrailsPack.STRICT).findings.length;
    guardrailRuns.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  const accessMs = median(runs);
  const guardrailsMs = median(guardrailRuns);
  const scale = `${ROOT_ROLES + LEAVES * ROLES_PER_LEAF} roles / ${LEAVES} trusted clusters`;
  return {
    targets: [
      atMost(`access map of ${scale}, vs their synth`, accessMs / synthMs, 0.25, 'ratio'),
      atMost(`strict guardrails over ${scale}, vs their synth`, guardrailsMs / synthMs, 0.25, 'ratio'),
    ],
    details: {
      roles: ROOT_ROLES + LEAVES * ROLES_PER_LEAF,
      trustedClusters: trusts,
      paths,
      synthMs: round(synthMs),
      accessMs: round(accessMs),
      runsMs: runs.map((r) => round(r)),
      guardrailsMs: round(guardrailsMs),
      guardrailRunsMs: guardrailRuns.map((r) => round(r)),
      guardrailFindings: findings,
    },
  };
}
