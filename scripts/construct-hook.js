// The construct hook generate-bindings.js writes into lib/gen/: a tiny module every generated
// Teleport provider, resource and data source constructor calls, so that a layer above (lib/app
// registers the stack's offline schema check) can act on stacks made only of L1 bindings, in any
// cdktf App, while lib/gen stays the lowest layer and imports nothing above it.
'use strict';

const HOOK_FILE = 'construct-hook.ts';

const HOOK_SOURCE = `// Every generated Teleport provider, resource and data source constructor calls notifyConstructCreated;
// a layer above registers what should happen (lib/app: add the stack's offline schema check).
import type { IConstruct } from 'constructs';

const handlers: Array<(construct: IConstruct) => void> = [];

/** Calls \`handler\` with every Teleport provider, resource and data source construct created from now on (once per function). */
export function registerConstructHandler(handler: (construct: IConstruct) => void): void {
  if (!handlers.includes(handler)) handlers.push(handler);
}

/** Called by the generated constructors, right after \`super\`. */
export function notifyConstructCreated(construct: IConstruct): void {
  for (const handler of handlers) handler(construct);
}
`;

const IMPORT_AFTER = "import * as cdktf from 'cdktf';\n";
const HOOK_IMPORT = "import { notifyConstructCreated } from '../construct-hook';\n";
// The main constructor of a generated provider, resource or data source class: its super(...) call.
const CONSTRUCTOR =
  /( {2}public constructor\(scope: Construct, id: string, config: \w+(?: = \{\})?\) \{\n {4}super\(scope, id, \{\n[\s\S]*?\n {4}\}\);\n)/g;

/**
 * Adds the hook call to one generated module (`role/index.ts`, ...): exactly one construct class per
 * module. Fails loudly when the generator's output no longer has the expected shape.
 */
function addHookCall(text, rel) {
  let count = 0;
  const out = text.replace(CONSTRUCTOR, (whole) => {
    count++;
    return `${whole}    notifyConstructCreated(this);\n`;
  });
  if (count !== 1 || !out.includes(IMPORT_AFTER)) {
    throw new Error(
      `${rel}: expected one provider/resource/data source constructor and the cdktf import, found ${count} constructor(s): has @cdktf/provider-generator changed?`,
    );
  }
  return out.replace(IMPORT_AFTER, IMPORT_AFTER + HOOK_IMPORT);
}

/** True for the generated files that hold a construct class (one per resource, data source, provider). */
function isConstructModule(rel) {
  return /^[\w-]+\/index\.ts$/.test(rel.split('\\').join('/'));
}

module.exports = { HOOK_FILE, HOOK_SOURCE, addHookCall, isConstructModule };
