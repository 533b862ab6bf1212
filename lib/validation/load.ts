// What `validate` reads: a stack directory, a cdk.tf.json, a cdktf.out directory, or a
// `terraform show -json` plan file.
import * as fs from 'fs';
import * as path from 'path';
import { loadConfigs } from '../check/load-configs';
import { ValidateInput } from './model';
import { stackFromConfig } from './config-input';
import { isPlan, stackFromPlan } from './plan-input';

export function loadValidateInput(target: string): ValidateInput {
  if (fs.existsSync(target) && fs.statSync(target).isFile()) {
    let doc: unknown;
    try {
      doc = JSON.parse(fs.readFileSync(target, 'utf8'));
    } catch (e) {
      throw new Error(`cannot read ${target}: ${(e as Error).message}`);
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
