// Entry point of the offline provider process:
//   node dist/lib/provider-server/main.js [--schema FILE] [--descriptor FILE]
// (--descriptor: the protocol definitions as written by protocolDescriptor(), to skip parsing proto/).
// Terraform launches it through dev_overrides (see lib/terraform-check); nothing may print to stdout
// before the handshake, so every message goes to stderr, in one line.
import { defaultSchemaPath, loadProviderSchema } from '../schema/provider-schema';
import { serve } from './serve';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : undefined;
}

const argv = process.argv.slice(2);
Promise.resolve()
  .then(() =>
    serve(
      loadProviderSchema(option(argv, '--schema') ?? process.env.CDKTF_TELEPORT_PROVIDER_SCHEMA ?? defaultSchemaPath()),
      process.env,
      option(argv, '--descriptor'),
    ),
  )
  .catch((e) => {
    process.stderr.write(`[ERROR] cdktf-teleport provider: ${(e as Error).message}\n`);
    process.exit(1);
  });
