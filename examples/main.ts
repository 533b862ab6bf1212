// The examples app: every example stack, with unique names, in one app so tools can enumerate
// cdktf.out/stacks/*. `cdktf synth` (see cdktf.json) and `npm run synth` run this file, compiled.
import { TeleportApp } from '../lib';
import { addSeedL1 } from './seed-l1';

process.env.CHECKPOINT_DISABLE = '1';

export function buildExamples(outdir?: string): TeleportApp {
  const app = new TeleportApp(outdir ? { outdir } : undefined);
  addSeedL1(app);
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
