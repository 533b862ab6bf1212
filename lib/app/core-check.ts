// The construct-time half of the core check (lib/core/load-guard.ts is the load-time half): the first
// Teleport construct in a stack checks that the stack, and the app above it, come from the very copy
// of the core this library loaded. Another core's stack fails at synth with a TypeError, or takes
// our elements and drops what it cannot see; another copy of the same core silently loses Aspects.
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { CORE, THIS_BUILD, buildFor, describeCore, isCoreName } from '../core/identity';
import { registerConstructHandler } from '../gen/construct-hook';

const checked = new WeakSet<TerraformStack>();

/** Throws, naming the construct and the fix, when `construct`'s stack or app is not from this library's core. */
export function checkCore(construct: IConstruct): void {
  const stack = TerraformStack.of(construct);
  if (checked.has(stack)) return;
  // TerraformStack.of and App.isApp answer for either core and any copy (they test a shared symbol).
  const found: IConstruct = stack;
  if (!(found instanceof TerraformStack)) throw new Error(mismatch(construct, `stack "${found.node.id}"`, found, 'TerraformStack'));
  const root = construct.node.root;
  if (App.isApp(root) && !(root instanceof App)) throw new Error(mismatch(construct, 'the app', root, 'App'));
  checked.add(stack);
}

registerConstructHandler(checkCore);

function mismatch(construct: IConstruct, what: string, foreign: object, className: 'TerraformStack' | 'App'): string {
  const lib = THIS_BUILD.library;
  const ours = packageRoot(require.resolve(CORE));
  const origin = originOf(foreign, className);
  const where = `[${construct.node.path}]`;
  if (origin && origin.name !== CORE && isCoreName(origin.name)) {
    const other = buildFor(origin.name);
    return (
      `${where} ${lib} is built for ${describeCore(CORE)}, but ${what} is a ${describeCore(origin.name)} ${className} (${origin.root}); ` +
      `an app must load exactly one core. Fix: npm uninstall ${lib} && npm install ${other.library}, then import from '${other.library}' (the same API), ` +
      `or move the whole app to ${CORE}.`
    );
  }
  const theirs = origin ? `another copy of ${CORE} (${origin.root})` : `another copy of ${CORE}, or another core`;
  return (
    `${where} ${what} was made by ${theirs}, not by the ${CORE} that ${lib} loaded (${ours}); ` +
    `constructs of one copy are invisible to the other (Aspects silently disappear). ` +
    `Fix: install one copy of ${CORE} for the whole app (npm ls ${CORE}; npm dedupe), or import the stack from '${CORE}' as resolved from ${lib}.`
  );
}

/**
 * The package (name and directory) of a loaded module that exports the class `foreign` is an instance
 * of, a core's package first; undefined where modules are not in require.cache (ESM, test runners).
 */
function originOf(foreign: object, className: string): { name: string; root: string } | undefined {
  let fallback: { name: string; root: string } | undefined;
  for (const [file, mod] of Object.entries(require.cache)) {
    const exported = mod?.exports?.[className];
    if (typeof exported !== 'function' || !(foreign instanceof exported)) continue;
    const root = packageRoot(file);
    const origin = { name: packageName(root), root };
    if (isCoreName(origin.name)) return origin;
    fallback ??= origin;
  }
  return fallback;
}

/** `/app/node_modules/cdktf` for `/app/node_modules/cdktf/lib/index.js`. */
function packageRoot(file: string): string {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return path.dirname(file);
  const scoped = parts[at + 1].startsWith('@');
  return parts.slice(0, at + (scoped ? 3 : 2)).join(path.sep);
}

function packageName(root: string): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).name);
  } catch {
    return path.basename(root);
  }
}
