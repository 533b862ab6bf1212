// The protocol definitions in proto/ (tfplugin6, go-plugin controller, gRPC health) as gRPC service
// definitions. Parsing the .proto text costs each provider process about 60 ms of its ~0.4 s start,
// and Terraform starts up to six processes per stack, so terraform-check parses once and hands the
// provider a JSON descriptor (`--descriptor`), which it loads with protobufjs's light build. Messages
// are encoded and decoded as @grpc/proto-loader does (snake_case names, enums as strings, longs as
// numbers, defaults, oneofs), with the protobufjs that proto-loader itself uses.
import * as fs from 'fs';
import * as path from 'path';
import * as grpc from '@grpc/grpc-js';
import type * as protobuf from 'protobufjs';

const FILES = ['tfplugin6.proto', 'go-plugin.proto', 'health.proto'];
const DECODE = { enums: String, longs: Number, defaults: true, oneofs: true };

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

/** protobufjs as @grpc/proto-loader resolves it (`light` has no .proto parser and loads faster). */
function protobufjs(build: 'light' | 'full'): typeof protobuf {
  const from = path.dirname(require.resolve('@grpc/proto-loader'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the copy proto-loader resolves, by path, on first use
  return require(require.resolve(build === 'light' ? 'protobufjs/light' : 'protobufjs', { paths: [from] }));
}

/** The parsed protocol definitions as a protobufjs JSON descriptor (what `--descriptor` files hold). */
export function protocolDescriptor(): Record<string, unknown> {
  const root = new (protobufjs('full').Root)();
  root.loadSync(
    FILES.map((f) => path.join(protoDir(), f)),
    { keepCase: true },
  );
  return root.toJSON() as Record<string, unknown>;
}

/** Loads the services from a descriptor file written from {@link protocolDescriptor}, or from the .proto files. */
export function loadServices(descriptorFile?: string): ProtocolServices {
  const root = descriptorFile
    ? protobufjs('light').Root.fromJSON(JSON.parse(fs.readFileSync(descriptorFile, 'utf8')))
    : protobufjs('full').Root.fromJSON(protocolDescriptor());
  return {
    provider: serviceDefinition(root, 'tfplugin6.Provider'),
    controller: serviceDefinition(root, 'plugin.GRPCController'),
    health: serviceDefinition(root, 'grpc.health.v1.Health'),
  };
}

function serviceDefinition(root: protobuf.Root, name: string): grpc.ServiceDefinition {
  const service = root.lookupService(name);
  const definition: Record<string, grpc.MethodDefinition<object, object>> = {};
  for (const method of service.methodsArray) {
    method.resolve();
    const request = method.resolvedRequestType!;
    const response = method.resolvedResponseType!;
    definition[method.name] = {
      path: `/${name}/${method.name}`,
      requestStream: method.requestStream === true,
      responseStream: method.responseStream === true,
      originalName: method.name,
      requestSerialize: (value: object) => Buffer.from(request.encode(request.fromObject(value)).finish()),
      requestDeserialize: (bytes: Buffer) => request.toObject(request.decode(bytes), DECODE),
      responseSerialize: (value: object) => Buffer.from(response.encode(response.fromObject(value)).finish()),
      responseDeserialize: (bytes: Buffer) => response.toObject(response.decode(bytes), DECODE),
    };
  }
  return definition;
}
