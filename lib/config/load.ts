// What `validate` reads: a stack directory, a cdk.tf.json, a cdktf.out directory, or a
// `terraform show -json` plan file.
import * as fs from 'fs';
import * as path from 'path';
import { jsonErrorWhere } from './json-error-position';
import { loadConfigs } from './load-configs';
import { TfInput } from './model';
import { stackFromConfig } from './config-input';
import { isPlan, stackFromPlan } from './plan-input';

export function loadInput(target: string): TfInput {
  if (fs.existsSync(target) && fs.statSync(target).isFile()) {
    let doc: unknown;
    let text: string;
    try {
      text = fs.readFileSync(target, 'utf8');
    } catch (e) {
      throw new Error(`cannot read ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
      doc = JSON.parse(text);
    } catch {
      // Never the parser's message: V8 quotes a snippet of the text, which can hold a secret.
      throw new Error(`${target} is not valid JSON (${jsonErrorWhere(text)})`);
    }
    if (isPlan(doc)) {
      const name = path.basename(target).replace(/(\.plan)?\.json$/, '');
      const { stack, changes } = stackFromPlan(name, target, doc as Record<string, any>);
      return { kind: 'plan', stacks: [stack], changes };
    }
  }
  const configs = loadConfigs(target);
  return { kind: 'config', stacks: configs.map((c) => stackFromConfig(c.name, c.file, c.config as Record<string, any>)), changes: [] };
}
