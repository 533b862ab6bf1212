// The provider process: go-plugin handshake on stdout, automatic mTLS with Terraform's client
// certificate, the Provider service plus go-plugin's health and controller services. Exits right
// after Shutdown, ignores SIGINT (Terraform sends StopProvider instead), and exits when Terraform
// dies (watchdog on the parent pid).
import * as grpc from '@grpc/grpc-js';
import { createCertificate, generateKey } from '../x509';
import { ProviderSchema } from '../schema/provider-schema';
import { ProviderState, providerHandlers } from './handlers';
import { loadServices } from './proto';

const MAGIC_COOKIE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** Why the process cannot serve, in one line for Terraform's log (stderr). */
export class ServeError extends Error {}

export function checkEnvironment(env: NodeJS.ProcessEnv): void {
  if (env.TF_PLUGIN_MAGIC_COOKIE !== MAGIC_COOKIE) {
    throw new ServeError('This is a Terraform provider plugin (cdktf-teleport offline schema server); Terraform starts it, not people.');
  }
  const versions = (env.PLUGIN_PROTOCOL_VERSIONS ?? '').split(',').map((v) => v.trim());
  if (!versions.includes('6'))
    throw new ServeError(`Terraform offers plugin protocol versions "${env.PLUGIN_PROTOCOL_VERSIONS}"; this provider speaks 6.`);
}

export async function serve(schema: ProviderSchema, env: NodeJS.ProcessEnv = process.env, descriptorFile?: string): Promise<void> {
  checkEnvironment(env);
  process.on('SIGINT', () => undefined); // Terraform forwards Ctrl-C to the group and then calls StopProvider.
  const services = loadServices(descriptorFile);
  const state: ProviderState = { stopped: false };
  const server = new grpc.Server({ 'grpc.max_receive_message_length': 256 << 20, 'grpc.max_send_message_length': 256 << 20 });
  server.addService(services.provider, reportingErrors(providerHandlers(schema, state)) as any);
  server.addService(services.health, { Check: (_c: unknown, cb: grpc.sendUnaryData<any>) => cb(null, { status: 'SERVING' }) });
  server.addService(services.controller, {
    Shutdown: (_c: unknown, cb: grpc.sendUnaryData<any>) => {
      cb(null, {});
      // Exit as soon as the reply is out: go-plugin waits up to 2 s for the exit, then kills.
      server.tryShutdown(() => process.exit(0));
      setTimeout(() => process.exit(0), 200).unref();
    },
  });

  const clientCert = env.PLUGIN_CLIENT_CERT;
  let credentials = grpc.ServerCredentials.createInsecure();
  let certField = '';
  if (clientCert && env.TF_DISABLE_PLUGIN_TLS !== '1') {
    const own = createCertificate({ commonName: 'localhost', dnsNames: ['localhost'], isCa: true }, generateKey('P-256'));
    credentials = grpc.ServerCredentials.createSsl(
      Buffer.from(clientCert),
      [{ private_key: Buffer.from(own.privateKeyPem), cert_chain: Buffer.from(own.certificatePem) }],
      true,
    );
    certField = own.certificateDer.toString('base64').replace(/=+$/, ''); // Go's RawStdEncoding
  }
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', credentials, (e, p) => (e ? reject(e) : resolve(p))));
  process.stdout.write(`1|6|tcp|127.0.0.1:${port}|grpc|${certField}\n`);
  watchParent();
}

/**
 * A handler that throws answers INTERNAL with its message (grpc-js would say only "Unknown error"),
 * so Terraform's "Plugin error" names the cause.
 */
function reportingErrors(
  handlers: Record<string, (call: any, cb: grpc.sendUnaryData<any>) => void>,
): Record<string, (call: any, cb: grpc.sendUnaryData<any>) => void> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (call: any, cb: grpc.sendUnaryData<any>) => {
        try {
          handler(call, cb);
        } catch (e) {
          cb({ code: grpc.status.INTERNAL, details: `cdktf-teleport offline provider, ${name}: ${(e as Error).message}` });
        }
      },
    ]),
  );
}

/** Exits when the parent (Terraform) goes away, so a killed Terraform leaves no provider behind. */
function watchParent(): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) process.exit(0);
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 500);
  timer.unref();
}
