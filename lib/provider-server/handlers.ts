// The Provider service of the offline provider: schema, validation (Terraform's own type checks
// suffice), plan, fake apply, read, import, upgrade, data sources. It never contacts a cluster.
import * as grpc from '@grpc/grpc-js';
import { ProviderSchema } from '../schema/provider-schema';
import { decodeValue, encodeValue, isUnknown } from './dynamic-value';
import { schemaMessage } from './schema-messages';
import { applyPlanned, dataSourceState, importedState, planCreate } from './state-values';

type Handler = (call: { request: any }, callback: grpc.sendUnaryData<any>) => void;

/** Attribute paths whose change replaces the resource (the real provider's RequiresReplace). */
const REPLACE_ON_CHANGE: Record<string, string[]> = {
  // Since provider 15 a role's version is immutable: changing it replaces the role.
  teleport_role: ['version'],
};

export interface ProviderState {
  /** Set by StopProvider: in-flight work should stop. */
  stopped: boolean;
}

function error(summary: string, detail: string) {
  return { severity: 'ERROR', summary, detail };
}

export function providerHandlers(schema: ProviderSchema, state: ProviderState): Record<string, Handler> {
  const resource = (type: string) => schema.resource(type);
  const data = (type: string) => schema.dataSource(type);
  const unknownType = (kind: string, type: string) => error(`Unknown ${kind} type`, `This provider (cdktf-teleport's offline schema server) serves no ${kind} "${type}".`);
  const ok = (cb: grpc.sendUnaryData<any>, response: Record<string, unknown>) => cb(null, { diagnostics: [], ...response });

  return {
    GetMetadata: (_call, cb) =>
      ok(cb, {
        server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
        resources: schema.resourceTypes().map((type_name) => ({ type_name })),
        data_sources: schema.dataSourceTypes().map((type_name) => ({ type_name })),
      }),

    GetProviderSchema: (_call, cb) =>
      ok(cb, {
        provider: schemaMessage(schema.providerBlock()),
        resource_schemas: Object.fromEntries(schema.resourceTypes().map((t) => [t, schemaMessage(resource(t)!)])),
        data_source_schemas: Object.fromEntries(schema.dataSourceTypes().map((t) => [t, schemaMessage(data(t)!)])),
        server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
      }),

    ValidateProviderConfig: (_call, cb) => ok(cb, {}),
    ConfigureProvider: (_call, cb) => ok(cb, {}),
    ValidateResourceConfig: ({ request }, cb) => ok(cb, resource(request.type_name) ? {} : { diagnostics: [unknownType('resource', request.type_name)] }),
    ValidateDataResourceConfig: ({ request }, cb) => ok(cb, data(request.type_name) ? {} : { diagnostics: [unknownType('data source', request.type_name)] }),

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
      // (An imported resource's prior state knows only its name: nothing to compare yet.)
      const replace = (REPLACE_ON_CHANGE[request.type_name] ?? []).filter((a) => prior[a] !== null && !isUnknown(proposed[a]) && proposed[a] !== prior[a]);
      ok(cb, {
        planned_state: request.proposed_new_state,
        requires_replace: replace.map((a) => ({ steps: [{ attribute_name: a }] })),
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
      ok(cb, { imported_resources: [{ type_name: request.type_name, state: encodeValue(importedState(block, request.id)), private: Buffer.alloc(0) }] });
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
