// The four Teleport documentation pages the schema is built from, found in a directory the user
// supplies (--docs DIR): the project keeps no copy of them. DIR may be a gravitational/teleport
// checkout, its docs/ folder, or a folder of pages named by their repository path with `/` as `__`
// (as ../shared/reference/teleport holds them). Each page's sha256 is recorded in
// schemas/schema-origin.json, so a rebuild can tell "other pages" from "the same pages, other output".
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const BASE = 'docs/pages/reference/infrastructure-as-code/terraform-provider/';

/** Repository paths (gravitational/teleport) of the pages, by what they document. */
const PAGES = {
  provider: `${BASE}terraform-provider.mdx`,
  teleport_trusted_cluster: `${BASE}resources/trusted_cluster.mdx`,
  teleport_role: `${BASE}resources/role.mdx`,
  teleport_provision_token: `${BASE}resources/provision_token.mdx`,
};

/** Where a page may be in DIR: flattened name, repository path, or path below docs/. */
function candidates(dir, repoPath) {
  return [path.join(dir, repoPath.replace(/\//g, '__')), path.join(dir, repoPath), path.join(dir, repoPath.replace(/^docs\//, ''))];
}

function usageError(message) {
  return Object.assign(new Error(message), { usage: true });
}

/** Reads every page from DIR: { key: { repoPath, file, text, sha256 } }; a usage error names what is missing. */
function readPages(dir) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw usageError(`--docs ${dir}: not a directory`);
  const out = {};
  for (const [key, repoPath] of Object.entries(PAGES)) {
    const file = candidates(dir, repoPath).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (!file) {
      throw usageError(
        `--docs ${dir}: no ${repoPath} (looked for ${candidates(dir, repoPath)
          .map((f) => path.relative(dir, f))
          .join(', ')}); give a Teleport checkout, its docs/ folder, or a folder of pages named like ${repoPath.replace(/\//g, '__')}`,
      );
    }
    const bytes = fs.readFileSync(file);
    out[key] = { repoPath, file, text: bytes.toString('utf8'), sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  }
  return out;
}

/** The record kept in schema-origin.json: repository path -> sha256 of the page. */
function fingerprints(pages) {
  const out = {};
  for (const page of Object.values(pages)) out[page.repoPath] = page.sha256;
  return out;
}

module.exports = { PAGES, readPages, fingerprints };
