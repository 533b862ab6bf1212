// Runs when the library is loaded (lib/index.ts imports it before anything loads the core): a project
// that uses the other core, or lacks this build's core, gets one error naming the right package, not
// a TypeError deep in synth. An app and every library in it must load one physical copy of one core:
// an element of one core in a stack of the other fails at synth, or is silently dropped (docs/cdktn.md).
import * as fs from 'fs';
import * as path from 'path';
import { CORE, CoreName, OTHER_BUILD, THIS_BUILD, describeCore } from './identity';

/** The package.json of the app that loads this library, and the cores it depends on. */
export interface ProjectManifest {
  readonly file: string;
  readonly cores: ReadonlySet<CoreName>;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * The nearest package.json above each start directory in turn, outside node_modules, that depends on
 * either core (a workspace root that names none is passed over), or undefined.
 */
export function findProjectManifest(starts: readonly string[]): ProjectManifest | undefined {
  for (const start of starts) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      if (!dir.split(path.sep).includes('node_modules')) {
        const found = coresOf(path.join(dir, 'package.json'));
        if (found) return found;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return undefined;
}

function coresOf(file: string): ProjectManifest | undefined {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined; // missing or unreadable: not the project's manifest
  }
  const cores = new Set<CoreName>();
  for (const field of DEPENDENCY_FIELDS) {
    const deps = manifest?.[field];
    if (!deps || typeof deps !== 'object') continue;
    for (const core of [THIS_BUILD.core, OTHER_BUILD.core]) if (Object.prototype.hasOwnProperty.call(deps, core)) cores.add(core);
  }
  return cores.size > 0 ? { file, cores } : undefined;
}

/**
 * Why this build cannot serve the project, or undefined: its core cannot be found, or the project
 * depends on the other core only. `resolves` says whether a core can be loaded from this library.
 */
export function loadProblem(project: ProjectManifest | undefined, resolves: (core: CoreName) => boolean): string | undefined {
  const lib = THIS_BUILD.library;
  const other = OTHER_BUILD;
  const switchTo = `npm uninstall ${lib} && npm install ${other.library}, then import from '${other.library}' (the same API)`;
  const usesOther = project !== undefined && project.cores.has(other.core) && !project.cores.has(CORE);
  if (!resolves(CORE)) {
    if (usesOther || resolves(other.core)) {
      return `${lib} cannot load: it is the ${describeCore(CORE)} build of this library, and ${CORE} is not installed, but ${other.core} is${usesOther ? ` (${project!.file})` : ''}. Fix: ${switchTo}.`;
    }
    return `${lib} cannot load: its peer dependency ${describeCore(CORE)} is not installed. Fix: npm install ${CORE} constructs.`;
  }
  if (usesOther) {
    return (
      `${lib} is the ${describeCore(CORE)} build of this library, but this project uses ${describeCore(other.core)} ` +
      `(${project!.file} depends on ${other.core}, not ${CORE}), and an app must load exactly one core. Fix: ${switchTo}. ` +
      `To move the app to ${CORE} instead, replace ${other.core} with ${CORE} in package.json and in the imports.`
    );
  }
  return undefined;
}

function resolves(core: CoreName): boolean {
  try {
    require.resolve(core);
    return true;
  } catch {
    return false;
  }
}

/** Throws when this build cannot serve the app that loads it (see loadProblem). */
export function checkLoad(): void {
  const starts = [require.main?.filename ? path.dirname(require.main.filename) : undefined, process.cwd()].filter(
    (d): d is string => d !== undefined,
  );
  const problem = loadProblem(findProjectManifest(starts), resolves);
  if (problem) throw new Error(problem);
}

checkLoad();
