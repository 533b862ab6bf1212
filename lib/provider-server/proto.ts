// Loads the protocol definitions in proto/ (tfplugin6, go-plugin controller, gRPC health).
import * as fs from 'fs';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/** proto/ beside lib/ in the repository and in the installed package (dist/lib/... -> ../../proto). */
export function protoDir(): string {
  const fromSource = path.join(__dirname, '..', '..', 'proto');
  const fromDist = path.join(__dirname, '..', '..', '..', 'proto');
  return fs.existsSync(fromSource) ? fromSource : fromDist;
}

/** The service definitions the provider process serves. */
export interface ProtocolServices {
  readonly provider: grpc.ServiceDefinition;
  readonly controller: grpc.ServiceDefinition;
  readonly health: grpc.ServiceDefinition;
}

export function loadServices(): ProtocolServices {
  const dir = protoDir();
  const definition = protoLoader.loadSync(['tfplugin6.proto', 'go-plugin.proto', 'health.proto'].map((f) => path.join(dir, f)), {
    keepCase: true,
    enums: String,
    longs: Number,
    defaults: true,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition) as any;
  return {
    provider: loaded.tfplugin6.Provider.service,
    controller: loaded.plugin.GRPCController.service,
    health: loaded.grpc.health.v1.Health.service,
  };
}
