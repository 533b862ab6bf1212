// The Provider service of the offline provider: schema, validation (Terraform's own type checks
// suffice), plan, fake apply, read, import, upgrade, data sources. It never contacts a cluster.
import * as grpc from '@grpc/grpc-js';
import { ProviderSchema } from '../schema/provider-schema';
import { decodeValue, encodeValue, isUnknown } from './dynamic-value';
import { schemaMessage } from './schema-messages';
import { applyPlanned, dataSourceState, importedState, planCreate, planUpdate } from './state-values';

type Handler = (call: { request: any }, callback: grpc.sendUnaryData<any>) => void;

/**
 * Attribute paths whose change replaces the resource: the real provider's RequiresReplace plan
 * modifiers. Source: gravitational/teleport integrations/terraform/protoc-gen-terraform-teleport.yaml
 * (`plan_modifiers: Metadata.Name: RequiresReplace()`, plus ProvisionTokenV2.Metadata.Name with
 * UseStateForUnknown), and the generated tfschema/types_terraform.go, where `metadata.name` carries
 * RequiresReplace and `version` has only its UseVersionBetween validator. `version` does not force
 * replacement in the 18.x provider: provider 15 made it immutable (gravitational/teleport-plugins#1007),
 * which re-created resources on upgrade (gravitational/teleport#39638), and
 * gravitational/teleport-plugins#1042 relaxed that; the newest resource_teleport_role.go has no
 * RequiresReplace on it either.
 */
const REPLACE_ON_CHANGE: Record<string, string[][]> = {
  teleport_role: [['metadata', 'name']],
  teleport_provision_token: [['metadata', 'name']],
  teleport_trusted_cluster: [['metadata', 'name']],
};

function at(value: any, path: string[]): any {
  return path.reduce((v, step) => (v === null || v === undefined || isUnknown(v) ? undefined : v[step]), value);
}

/** The replace paths whose value changed; a prior value that is null (an imported resource's, say) or an unknown new one is no change yet. */
export function replacePaths(typeName: string, prior: any, proposed: any): string[][] {
  return (REPLACE_ON_CHANGE[typeName] ?? []).filter((p) => {
    const before = at(prior, p);
    const after = at(proposed, p);
    return before !== null && before !== undefined && !isUnknown(after) && JSON.stringify(after ?? null) !== JSON.stringify(before);
  });
}

export interface ProviderState {
  /** Set by StopProvider: in-flight work should stop. */
  stopped: boolean;
}

function error(summary: string, detail: string) {
  return { severity: 'ERROR', summary, detail };
}

/** Each schema's `version` as the schema file declares it (state written under another version is upgraded). */
function schemaVersions(schema: ProviderSchema) {
  const entry = schema.document.provider_schemas[schema.source] as any;
  const version = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    provider: version(entry.provider?.version),
    resource: (t: string) => version(entry.resource_schemas?.[t]?.version),
    data: (t: string) => version(entry.data_source_schemas?.[t]?.version),
  };
}

export function providerHandlers(schema: ProviderSchema, state: ProviderState): Record<string, Handler> {
  const resource = (type: string) => schema.resource(type);
  const data = (type: string) => schema.dataSource(type);
  const unknownType = (kind: string, type: string) =>
    error(`Unknown ${kind} type`, `This provider (cdktf-teleport's offline schema server) serves no ${kind} "${type}".`);
  const ok = (cb: grpc.sendUnaryData<any>, response: Record<string, unknown>) => cb(null, { diagnostics: [], ...response });
  const versions = schemaVersions(schema);
  // get_provider_schema_optional: Terraform may reuse the schema it got from the first provider
  // process of a command instead of asking each one (the schema is large: encoding it costs more
  // than a process's other RPCs together). It changes nothing about what is checked.
  const capabilities = { plan_destroy: false, get_provider_schema_optional: true };

  return {
    GetMetadata: (_call, cb) =>
      ok(cb, {
        server_capabilities: capabilities,
        resources: schema.resourceTypes().map((type_name) => ({ type_name })),
        data_sources: schema.dataSourceTypes().map((type_name) => ({ type_name })),
      }),

    GetProviderSchema: (_call, cb) =>
      ok(cb, {
        provider: schemaMessage(schema.providerBlock(), versions.provider),
        resource_schemas: Object.fromEntries(schema.resourceTypes().map((t) => [t, schemaMessage(resource(t)!, versions.resource(t))])),
        data_source_schemas: Object.fromEntries(schema.dataSourceTypes().map((t) => [t, schemaMessage(data(t)!, versions.data(t))])),
        server_capabilities: capabilities,
      }),

    // Functions, moves across resource types: Terraform 1.11 calls neither for this provider (it
    // declares no functions and no move_resource_state capability); the stubs answer clearly if it does.
    GetFunctions: (_call, cb) => ok(cb, { functions: {} }),
    MoveResourceState: ({ request }, cb) =>
      ok(cb, {
        diagnostics: [
          error('Move not supported', `The offline provider cannot move ${request.source_type_name} state to ${request.target_type_name}.`),
        ],
      }),

    ValidateProviderConfig: (_call, cb) => ok(cb, {}),
    ConfigureProvider: (_call, cb) => ok(cb, {}),
    ValidateResourceConfig: ({ request }, cb) =>
      ok(cb, resource(request.type_name) ? {} : { diagnostics: [unknownType('resource', request.type_name)] }),
    ValidateDataResourceConfig: ({ request }, cb) =>
      ok(cb, data(request.type_name) ? {} : { diagnostics: [unknownType('data source', request.type_name)] }),

    UpgradeResourceState: ({ request }, cb) => {
      const raw = request.raw_state?.json?.length ? JSON.parse(Buffer.from(request.raw_state.json).toString('utf8')) : null;
      ok(cb, { upgraded_state: encodeValue(raw) });
    },

    ReadResource: ({ request }, cb) => ok(cb, { new_state: request.current_state, private: request.private }),

    PlanResourceChange: ({ request }, cb) => {
      const block = resource(request.type_name);
      if (!block) return ok(cb, { diagnostics: [unknownType('resource', request.type_name)] });
      const prior = decodeValue(request.prior_state);
      const proposed = decodeValue(request.proposed_new_state);
      if (proposed === null) return ok(cb, { planned_state: encodeValue(null) });
      if (prior === null) return ok(cb, { planned_state: encodeValue(planCreate(block, proposed)) });
      ok(cb, {
        planned_state: encodeValue(planUpdate(block, proposed, prior)),
        requires_replace: replacePaths(request.type_name, prior, proposed).map((p) => ({ steps: p.map((attribute_name) => ({ attribute_name })) })),
      });
    },

    ApplyResourceChange: ({ request }, cb) => {
      const block = resource(request.type_name);
      if (!block) return ok(cb, { diagnostics: [unknownType('resource', request.type_name)] });
      if (state.stopped) return ok(cb, { new_state: request.prior_state, diagnostics: [error('Stopped', 'The provider was asked to stop.')] });
      const planned = decodeValue(request.planned_state);
      ok(cb, { new_state: encodeValue(planned === null ? null : applyPlanned(request.type_name, block, planned)), private: request.planned_private });
    },

    ImportResourceState: ({ request }, cb) => {
      const block = resource(request.type_name);
      if (!block) return ok(cb, { diagnostics: [unknownType('resource', request.type_name)] });
      ok(cb, {
        imported_resources: [{ type_name: request.type_name, state: encodeValue(importedState(block, request.id)), private: Buffer.alloc(0) }],
      });
    },

    ReadDataSource: ({ request }, cb) => {
      const block = data(request.type_name);
      if (!block) return ok(cb, { diagnostics: [unknownType('data source', request.type_name)] });
      ok(cb, { state: encodeValue(dataSourceState(request.type_name, block, decodeValue(request.config))) });
    },

    StopProvider: (_call, cb) => {
      state.stopped = true;
      cb(null, { Error: '' });
    },
  };
}
