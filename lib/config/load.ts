// What `validate` reads: a stack directory, a Terraform JSON file, a cdktf.out directory, or a
// `terraform show -json` plan file.
import * as fs from 'fs';
import * as path from 'path';
import { InputLimits, currentInputLimits } from './input-limits';
import { loadConfigs } from './load-configs';
import { TfInput } from './model';
import { stackFromConfigs } from './config-input';
import { isPlan, stackFromPlan } from './plan-input';
import { readJsonFile } from './read-input';

export function loadInput(target: string, limits: InputLimits = currentInputLimits()): TfInput {
  if (isFileTarget(target)) {
    const doc = readJsonFile(target, limits);
    if (isPlan(doc)) {
      const name = path.basename(target).replace(/(\.plan)?\.json$/, '');
      const { stack, changes, findings } = stackFromPlan(name, target, doc);
      return { kind: 'plan', stacks: [stack], changes, findings };
    }
    const name = path.basename(path.dirname(path.resolve(target)));
    return { kind: 'config', stacks: [stackFromConfigs(name, [{ file: target, config: doc }])], changes: [], findings: [] };
  }
  const configs = loadConfigs(target, limits);
  return { kind: 'config', stacks: configs.map((c) => stackFromConfigs(c.name, c.files)), changes: [], findings: [] };
}

/** True unless `target` is a directory (or a link to one): files (regular or not) are read as files, and refused there. */
function isFileTarget(target: string): boolean {
  try {
    return !fs.statSync(target).isDirectory();
  } catch {
    return false; // loadConfigs reports why it cannot be read
  }
}
