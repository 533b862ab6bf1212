// The package's main, dist/lib/index.js, is one bundled file (scripts/bundle-main.js): a synth loads
// it, the L1 bindings it uses and the npm packages, not ~100 of this library's modules. Each test
// runs plain JavaScript in a fresh Node process against the compiled main, as a user's app does, and
// compares what matters with the TypeScript sources run here.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import * as sources from '../../lib';
import { JoinToken, ProvisionToken, Role, RoleVersion, TeleportApp, TeleportProvider } from '../../lib';
import { tempDir } from '../support/synth';
import { REPO_ROOT } from './scratch-repo';

const MAIN = path.join(REPO_ROOT, 'dist', 'lib', 'index.js');

/** Runs `body` (plain JavaScript, `lib` is the compiled main) in a fresh process; its last stdout line, parsed. */
function inFreshProcess(body: string): any {
  const script = `
    const path = require('path');
    const lib = require(${JSON.stringify(MAIN)});
    const ours = () => Object.keys(require.cache)
      .filter((f) => f.startsWith(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'lib') + path.sep)}))
      .map((f) => path.relative(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'lib'))}, f).split(path.sep).join('/'))
      .sort();
    const packages = () => [...new Set(Object.keys(require.cache).map((f) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f)?.[1]).filter(Boolean))].sort();
    ${body}`;
  const out = execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', CDKTF_TELEPORT_QUIET: '1' },
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** A stack with one role and one node token whose role carries an override the provider schema rejects. */
const brokenStack = (outdir: string) => `
  const { TerraformStack } = require('cdktf');
  const app = new lib.TeleportApp({ outdir: ${JSON.stringify(outdir)} });
  const stack = new TerraformStack(app, 'leaf');
  new lib.TeleportProvider(stack, 'teleport', { addr: 'leaf.example.com:443' });
  const role = new lib.Role(stack, 'Visitor', { name: 'visitor', version: lib.RoleVersion.V7, allow: { logins: ['visitor'] } });
  lib.ProvisionToken.token(stack, 'NodeToken', { roles: ['Node'], ttl: '30m' });
  role.resource.addOverride('spec.allow.logins', 'visitor');
`;

beforeAll(() => {
  expect(fs.existsSync(MAIN)).toBe(true); // run `npm run build` first (npm test does)
});

test('GIVEN the compiled main WHEN it is required THEN it is one file and loads no L1 binding, ajv, yaml or re2js until used', () => {
  const out = inFreshProcess(`
    const bindings = () => ours().filter((f) => /^gen\\/[a-z-]+\\//.test(f));
    const atLoad = { ours: ours(), packages: packages() };
    const role = typeof lib.Role;
    const afterRead = bindings();
    new lib.Role(new (require('cdktf').TerraformStack)(new (require('cdktf').App)(), 'leaf'), 'Visitor', { name: 'visitor', version: lib.RoleVersion.V7 });
    console.log(JSON.stringify({ atLoad, role, afterRead, afterRole: bindings(), packages: packages() }));`);
  // The side-effect imports run at load: the schema check's hook on L1 constructs is lib/gen's construct-hook.
  expect(out.atLoad.ours).toEqual(['gen/construct-hook.js', 'index.js']);
  for (const pkg of ['ajv', 'yaml', 're2js']) expect(out.atLoad.packages).not.toContain(pkg);
  expect(out.role).toBe('function');
  // Reading Role loads its module inside the bundle; creating one loads the role's L1 binding, and only that.
  expect(out.afterRead).toEqual([]);
  expect(out.afterRole).toEqual(['gen/role/index.js']);
  for (const pkg of ['ajv', 'yaml', 're2js']) expect(out.packages).not.toContain(pkg);
});

test('GIVEN the compiled main WHEN its classes and functions are read THEN each keeps the name it has in the sources (error messages name classes)', () => {
  const out = inFreshProcess(`
    const names = {};
    for (const key of Object.keys(lib)) if (typeof lib[key] === 'function') names[key] = lib[key].name;
    let message = 'no error';
    try { new lib.TeleportApp({ guardrails: lib.JoinToken.alreadyJoined() }); } catch (e) { message = e.message; }
    console.log(JSON.stringify({ names, message }));`);
  const expected = Object.fromEntries(
    Object.entries(sources)
      .filter(([, value]) => typeof value === 'function')
      .map(([key, value]) => [key, (value as { name: string }).name]),
  );
  expect(Object.keys(expected)).toEqual(expect.arrayContaining(['AccessMap', 'GuardrailsPack', 'JoinToken', 'ProvisionToken', 'TeleportApp']));
  expect(out.names).toEqual(expected);
  // A value of one public class where another belongs is named by its class, as from the sources
  // (bundling renames a class that refers to itself, `var JoinToken = class _JoinToken`, unless told to keep names).
  expect(() => new TeleportApp({ guardrails: JoinToken.alreadyJoined() as any })).toThrow(out.message);
  expect(out.message).toMatch(/field "guardrails": expected a GuardrailsPack, got a JoinToken\b/);
});

test('GIVEN a TeleportApp with roles, tokens and a trusted cluster WHEN it synthesizes THEN the only module of this library outside lib/gen is the main', () => {
  const outdir = tempDir('bundled-main-');
  try {
    const out = inFreshProcess(`
      const { TerraformStack } = require('cdktf');
      const app = new lib.TeleportApp({ outdir: ${JSON.stringify(outdir)} });
      const stack = new TerraformStack(app, 'leaf');
      new lib.TeleportProvider(stack, 'teleport', { addr: 'leaf.example.com:443' });
      const visitor = new lib.Role(stack, 'Visitor', { name: 'visitor', version: lib.RoleVersion.V7, allow: { logins: ['visitor'] } });
      new lib.TrustedCluster(stack, 'Root', {
        name: 'root.example.com',
        webProxyAddr: 'root.example.com:443',
        token: lib.JoinToken.fromVariable(new (require('cdktf').TerraformVariable)(stack, 'join', { sensitive: true })),
        roleMap: [{ remote: 'access', local: [visitor] }],
      });
      lib.ProvisionToken.token(stack, 'NodeToken', { roles: ['Node'], ttl: '30m' });
      app.synth();
      console.log(JSON.stringify({ ours: ours().filter((f) => !f.startsWith('gen/')) }));`);
    expect(out.ours).toEqual(['index.js']);
    const written = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'leaf', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(written.resource).sort()).toEqual(['teleport_provision_token', 'teleport_role', 'teleport_trusted_cluster']);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});

test('GIVEN an override the provider schema rejects WHEN the compiled main synthesizes THEN it stops with the error the sources give, from the precompiled validator', () => {
  const outdir = tempDir('bundled-main-');
  const reference = tempDir('bundled-main-ref-');
  try {
    const out = inFreshProcess(`
      ${brokenStack(outdir)}
      let message = 'no error';
      try { app.synth(); } catch (e) { message = e.message; }
      console.log(JSON.stringify({ message, validators: ours().filter((f) => f.startsWith('check/')) }));`);

    // The same stack from the TypeScript sources, in this process.
    const app = new TeleportApp({ outdir: reference });
    const stack = new TerraformStack(app, 'leaf');
    new TeleportProvider(stack, 'teleport', { addr: 'leaf.example.com:443' });
    const role = new Role(stack, 'Visitor', { name: 'visitor', version: RoleVersion.V7, allow: { logins: ['visitor'] } });
    ProvisionToken.token(stack, 'NodeToken', { roles: ['Node'], ttl: '30m' });
    role.resource.addOverride('spec.allow.logins', 'visitor');
    expect(() => app.synth()).toThrow(out.message);

    expect(out.message).toMatch(/^Synthesis stopped before writing anything: 1 problem\(s\) found\n {2}.*spec\.allow\.logins/);
    // The bundle found the validator compiled at build time (a path rewritten for the bundle's folder).
    expect(out.validators).toEqual(['check/precompiled-validators/resource_teleport_role.js']);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'leaf'))).toBe(false);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.rmSync(reference, { recursive: true, force: true });
  }
});

test('GIVEN the main was bundled and nothing changed WHEN the post-compile step runs again THEN it does not bundle again', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { bundleMain } = require('../../scripts/bundle-main.js');
  await bundleMain(); // whatever the last build left: now the state matches dist/
  const before = fs.readFileSync(MAIN);
  expect(await bundleMain()).toEqual({ built: false, changed: false });
  expect(fs.readFileSync(MAIN).equals(before)).toBe(true);
});
