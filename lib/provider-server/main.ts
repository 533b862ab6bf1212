// Entry point of the offline provider process: node dist/lib/provider-server/main.js [--schema FILE]
// Terraform launches it through dev_overrides (see lib/terraform-check); nothing may print to stdout
// before the handshake, so every message goes to stderr, in one line.
import { defaultSchemaPath, loadProviderSchema } from '../schema/provider-schema';
import { ServeError, serve } from './serve';

function schemaFile(argv: string[]): string {
  const i = argv.indexOf('--schema');
  return i >= 0 && argv[i + 1] ? argv[i + 1] : process.env.CDKTF_TELEPORT_PROVIDER_SCHEMA ?? defaultSchemaPath();
}

Promise.resolve()
  .then(() => serve(loadProviderSchema(schemaFile(process.argv.slice(2)))))
  .catch((e) => {
    process.stderr.write(`[ERROR] cdktf-teleport provider: ${e instanceof ServeError ? e.message : (e as Error).message}\n`);
    process.exit(1);
  });
