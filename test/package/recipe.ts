// Reads the getting-started recipe out of docs/getting-started.md, so the packaging test builds
// exactly the files the page shows: each code block right after a `<!-- getting-started: FILE -->`
// (or `<!-- getting-started: FILE (VARIANT) -->`) line is that file, and the `npm install` lines of
// the page's first shell block are the dependencies.
import * as fs from 'fs';
import * as path from 'path';

export const RECIPE_PAGE = path.join(__dirname, '..', '..', 'docs', 'getting-started.md');

/** The base project's files ('' variant), and every variant's files (the base with its own files over it). */
export function recipeProjects(markdown = fs.readFileSync(RECIPE_PAGE, 'utf8')): Map<string, Map<string, string>> {
  const marked = /^<!-- getting-started: ([\w.-]+)(?: \(([\w-]+)\))? -->\n```\w*\n([\s\S]*?)^```$/gm;
  const own = new Map<string, Map<string, string>>([['', new Map()]]);
  for (const [, file, variant = '', text] of markdown.matchAll(marked)) {
    if (!own.has(variant)) own.set(variant, new Map());
    if (own.get(variant)!.has(file)) throw new Error(`${RECIPE_PAGE}: ${file} given twice for variant "${variant}"`);
    own.get(variant)!.set(file, text);
  }
  const projects = new Map<string, Map<string, string>>();
  for (const [variant, files] of own) projects.set(variant, new Map([...own.get('')!, ...files]));
  return projects;
}

/** Package name -> version range (undefined: unversioned) of every `npm install` line of the page. */
export function recipeDependencies(markdown = fs.readFileSync(RECIPE_PAGE, 'utf8')): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const [, args] of markdown.matchAll(/^npm install ((?:--save-dev )?[^\n]+)$/gm)) {
    for (const spec of args.split(/\s+/).filter((a) => !a.startsWith('-'))) {
      const at = spec.lastIndexOf('@');
      out.set(at > 0 ? spec.slice(0, at) : spec, at > 0 ? spec.slice(at + 1) : undefined);
    }
  }
  return out;
}
