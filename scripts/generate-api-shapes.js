#!/usr/bin/env node
// Generates lib/api-check/api-shapes.generated.ts from the jsii assembly (.jsii, written by
// `npm run jsii`): the parameters of every public constructor, factory and method of the
// hand-written API, and every struct, class, enum and interface they reach (cdktf's and constructs'
// from their own assemblies). The runtime props check (lib/api-check/check-args.ts) walks
// arguments against it, so plain JavaScript and other jsii languages get the checks TypeScript's
// compiler makes, from the same types. The L1 bindings (`l1`) are not covered: the schema check at
// synth covers them.
//
//   node scripts/generate-api-shapes.js [--check] [--out FILE]
//
// --check exits 1 when the committed file differs from what the assembly gives (npm test runs it
// after jsii), so the table cannot drift from the TypeScript types.
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'lib', 'api-check', 'api-shapes.generated.ts');
const OWN = 'cdktf-teleport';
const SKIP = `${OWN}.l1.`;

function readAssembly(file) {
  if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run npm run jsii first`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every type of our assembly and of its dependencies (cdktf, constructs), by fqn. */
function loadTypes() {
  const own = readAssembly(path.join(ROOT, '.jsii'));
  const types = new Map(Object.entries(own.types));
  for (const dep of Object.keys(own.dependencies || {})) {
    const file = require.resolve(`${dep}/.jsii`, { paths: [ROOT] });
    for (const [fqn, t] of Object.entries(readAssembly(file).types)) types.set(fqn, t);
  }
  return types;
}

/** The table's name for a type: ours without the assembly prefix, others by fqn. */
const nameOf = (fqn) => (fqn.startsWith(`${OWN}.`) ? fqn.slice(OWN.length + 1) : fqn);

function generate() {
  const types = loadTypes();
  const shapes = {};
  const pending = [];
  const ref = (type) => {
    if (type.primitive) return type.primitive;
    if (type.collection) return { [type.collection.kind]: ref(type.collection.elementtype) };
    if (type.union) return { union: type.union.types.map(ref) };
    if (!types.has(type.fqn)) throw new Error(`unknown type ${type.fqn}`);
    pending.push(type.fqn);
    return { ref: nameOf(type.fqn) };
  };
  const params = (list) =>
    (list || []).map((p) => ({
      name: p.name,
      type: ref(p.type),
      ...(p.optional ? { optional: true } : {}),
      ...(p.variadic ? { variadic: true } : {}),
    }));

  // Every public member of the hand-written classes.
  const members = {};
  const own = [...types.values()].filter((t) => t.assembly === OWN && !t.fqn.startsWith(SKIP));
  for (const cls of own.filter((t) => t.kind === 'class').sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (cls.initializer && !cls.initializer.protected && !cls.abstract) members[`new ${cls.name}`] = params(cls.initializer.parameters);
    for (const m of [...(cls.methods || [])].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (m.protected || !(m.parameters || []).length) continue;
      members[`${cls.name}${m.static ? '.' : '#'}${m.name}`] = params(m.parameters);
    }
  }

  // What they reach.
  const inherited = (t, seen = new Set()) => {
    const out = [...(t.properties || [])];
    for (const i of t.interfaces || []) if (!seen.has(i)) out.push(...inherited(types.get(i), seen.add(i)));
    return out;
  };
  while (pending.length) {
    const fqn = pending.pop();
    const name = nameOf(fqn);
    if (shapes[name]) continue;
    const t = types.get(fqn);
    if (t.kind === 'enum') shapes[name] = { kind: 'enum', module: moduleOf(t), members: t.members.map((m) => m.name) };
    else if (t.kind === 'interface' && t.datatype) {
      // Own fields; inherited ones through `extends` (the check flattens them once).
      const fields = {};
      for (const p of [...(t.properties || [])].sort((a, b) => (a.name < b.name ? -1 : 1)))
        fields[p.name] = { type: ref(p.type), ...(p.optional ? { optional: true } : {}) };
      const parents = (t.interfaces || []).map((i) => ref({ fqn: i }).ref);
      shapes[name] = { kind: 'struct', ...(parents.length ? { extends: parents } : {}), fields };
    } else if (t.kind === 'interface') {
      const required = [
        ...new Set(
          inherited(t)
            .filter((p) => !p.optional && !p.static)
            .map((p) => p.name),
        ),
      ].sort();
      shapes[name] = { kind: 'interface', required, makers: makersOf(types, fqn) };
    } else {
      // Any construct is a scope: listing every construct class as a way to make one says nothing.
      shapes[name] = { kind: 'class', module: moduleOf(t), makers: fqn === 'constructs.Construct' ? [] : makersOf(types, fqn) };
    }
  }
  const sorted = Object.fromEntries(
    Object.keys(shapes)
      .sort()
      .map((k) => [k, shapes[k]]),
  );
  return render({ members, types: sorted });
}

/** Where the class (or enum) is exported at run time: a module below lib/ (ours), or its package. */
function moduleOf(t) {
  if (t.assembly !== OWN) return { package: t.assembly, name: t.name };
  const [file, symbol] = t.symbolId.split(':');
  return { lib: file.replace(/^lib\//, ''), name: symbol };
}

/** How a user gets a value of this type: our constructors and factories that make it, most direct first. */
function makersOf(types, fqn) {
  const out = [];
  const extendsIt = (t) => {
    for (let b = t; b; b = types.get(b.base)) if (b.fqn === fqn || (b.interfaces || []).includes(fqn)) return true;
    return false;
  };
  const own = [...types.values()]
    .filter((t) => t.assembly === OWN && !t.fqn.startsWith(SKIP) && t.kind === 'class')
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const cls of own) {
    if (cls.initializer && !cls.abstract && extendsIt(cls)) out.push(`new ${cls.name}()`);
    for (const m of cls.methods || []) {
      if (m.static && m.returns && m.returns.type.fqn === fqn) out.push(`${cls.name}.${m.name}()`);
    }
  }
  const t = types.get(fqn);
  if (!out.length && t.kind === 'class' && t.initializer && !t.abstract) out.push(`new ${t.name}()`);
  return out;
}

/** One entry per line (a struct's fields one per line), so a change to the API shows as a small diff. */
function render(table) {
  const j = (v) =>
    JSON.stringify(v)
      .replace(/"([A-Za-z_$][\w$]*)":/g, '$1: ')
      .replace(/,(?=[{"\w])/g, ', ');
  const lines = ['  members: {'];
  for (const [member, params] of Object.entries(table.members)) lines.push(`    ${JSON.stringify(member)}: ${j(params)},`);
  lines.push('  },', '  types: {');
  for (const [name, shape] of Object.entries(table.types)) {
    if (shape.kind !== 'struct') {
      lines.push(`    ${JSON.stringify(name)}: ${j(shape)},`);
      continue;
    }
    const parents = shape.extends ? ` extends: ${j(shape.extends)},` : '';
    const fields = Object.entries(shape.fields);
    if (!fields.length) {
      lines.push(`    ${JSON.stringify(name)}: {kind: "struct",${parents} fields: {}},`);
      continue;
    }
    lines.push(`    ${JSON.stringify(name)}: {kind: "struct",${parents} fields: {`);
    for (const [field, f] of fields) lines.push(`      ${field}: ${j(f)},`);
    lines.push('    }},');
  }
  lines.push('  },');
  return `// GENERATED by scripts/generate-api-shapes.js from the jsii assembly (.jsii): do not edit.
// The public API's parameters and the shapes they reach, for the runtime props check (check-args.ts).
import { ApiShapes } from './api-shape-types';

export const API_SHAPES: ApiShapes = {
${lines.join('\n')}
};
`;
}

function main(argv) {
  const i = argv.indexOf('--out');
  const out = i >= 0 && argv[i + 1] ? path.resolve(argv[i + 1]) : OUT;
  const text = generate();
  const rel = path.relative(process.cwd(), out);
  if (argv.includes('--check')) {
    if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== text) {
      process.stderr.write(`${rel} is out of date with the jsii assembly: run node scripts/generate-api-shapes.js (after npm run jsii)\n`);
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
  process.stdout.write(`wrote ${rel}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`generate-api-shapes: ${e.message}\n`);
    process.exit(2);
  }
}
module.exports = { generate };
