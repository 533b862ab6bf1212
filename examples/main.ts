// The examples app: every example stack, with unique names, in one app so tools can enumerate
// cdktf.out/stacks/*. `cdktf synth` (see cdktf.json) and `npm run synth` run this file, compiled.
import { TeleportApp } from '../lib';
import { FromYamlLeaf } from './from-yaml';
import { OneStackExample } from './one-stack';
import { RootTwoLeavesExample } from './root-two-leaves';
import { addSeedL1 } from './seed-l1';
import { TwoStackLeaf, TwoStackRoot } from './two-stack';

process.env.CHECKPOINT_DISABLE = '1';

export function buildExamples(outdir?: string): TeleportApp {
  const app = new TeleportApp(outdir ? { outdir } : undefined);
  addSeedL1(app);
  new OneStackExample(app, 'one-stack');
  new TwoStackRoot(app, 'two-stack-root');
  new TwoStackLeaf(app, 'two-stack-leaf');
  new RootTwoLeavesExample(app, 'root-two-leaves');
  new FromYamlLeaf(app, 'from-yaml-leaf');
  return app;
}

if (require.main === module) {
  try {
    buildExamples().synth();
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
}
