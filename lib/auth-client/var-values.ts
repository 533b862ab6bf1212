// Values of Terraform input variables, for provider attributes given as `${var.NAME}` (a sensitive
// identity in a variable, as the constructs require): from TF_VAR_NAME in the environment, else
// from the var files passed with --var-file (later files win, as in Terraform), never from argv.
// Var files: `*.tfvars.json` (a JSON object) or HCL `*.tfvars` with string assignments
// (`name = "..."`, `name = <<EOT ... EOT`, `<<-EOT`); other values are not read. Every value read
// is registered with the redactor; a file that cannot be read is reported by name and position only.
import * as fs from 'fs';
import { jsonErrorWhere } from '../config/json-error-position';
import { registerSecret } from '../report/redact';
import { AuthClientError } from './errors';

export interface VarValues {
  /** The string value of variable `name`, and where it came from; undefined when no source gives a string. */
  get(name: string): { readonly value: string; readonly from: string } | undefined;
}

const MAX_VAR_FILE_BYTES = 4 << 20;

/** Reads the var files now (an unreadable one is an error) and returns the lookup over them and `env`. */
export function varValues(env: NodeJS.ProcessEnv, varFiles: readonly string[]): VarValues {
  const files = varFiles.map((file) => ({ file, values: readVarFile(file) }));
  return {
    get: (name) => {
      const fromEnv = env[`TF_VAR_${name}`];
      if (fromEnv !== undefined) {
        registerSecret(fromEnv);
        return { value: fromEnv, from: `TF_VAR_${name}` };
      }
      for (const { file, values } of [...files].reverse()) {
        const value = values.get(name);
        if (value !== undefined) return { value, from: `--var-file ${file}` };
      }
      return undefined;
    },
  };
}

export function readVarFile(file: string): Map<string, string> {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_VAR_FILE_BYTES)
      throw new AuthClientError('identity', `--var-file ${file}`, `is larger than ${MAX_VAR_FILE_BYTES} bytes.`);
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof AuthClientError) throw e;
    throw new AuthClientError('identity', `--var-file ${file}`, `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const values = file.endsWith('.json') ? jsonVars(text, file) : hclVars(text);
  for (const v of values.values()) registerSecret(v);
  return values;
}

function jsonVars(text: string, file: string): Map<string, string> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new AuthClientError('identity', `--var-file ${file}`, `is not valid JSON (${jsonErrorWhere(text)}).`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new AuthClientError('identity', `--var-file ${file}`, 'is not a JSON object of variable values.');
  return new Map(Object.entries(doc).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

const HCL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** The string assignments of an HCL var file; anything else (numbers, lists, maps) is skipped. */
function hclVars(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    const [, name, rest] = m;
    const heredoc = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(rest);
    if (heredoc) {
      const body: string[] = [];
      while (++i < lines.length && lines[i].trim() !== heredoc[2]) body.push(lines[i]);
      out.set(name, heredoc[1] ? dedent(body) : body.join('\n') + '\n');
      continue;
    }
    const quoted = /^"((?:[^"\\]|\\.)*)"\s*(?:(?:#|\/\/).*)?$/.exec(rest);
    if (quoted) out.set(name, unescape(quoted[1]));
  }
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})|\\(.)/g, (_all, u4, u8, c) =>
      u4 || u8 ? String.fromCodePoint(parseInt(u4 ?? u8, 16)) : (HCL_ESCAPES[c] ?? `\\${c}`),
    )
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

/** `<<-EOT`: the smallest indentation of the non-empty lines is removed from every line. */
function dedent(lines: string[]): string {
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n') + '\n';
}
