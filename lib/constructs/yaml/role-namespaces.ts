import { TctlDocument, TctlYamlError } from './tctl-document';

/**
 * A role's `spec` without `allow.namespaces` / `deny.namespaces`. The Auth Service fills in
 * `namespaces: ["default"]` itself (`tctl get role/x` prints it) and the provider has no such
 * attribute, so `["default"]` (or an empty list) is dropped; any other value is rejected, since
 * Teleport supports no other namespace. Never echoes other values.
 */
export function withoutDefaultNamespaces(doc: TctlDocument): Record<string, unknown> {
  const spec: Record<string, unknown> = { ...doc.spec };
  for (const side of ['allow', 'deny']) {
    const conditions = spec[side];
    if (typeof conditions !== 'object' || conditions === null || Array.isArray(conditions) || !('namespaces' in conditions)) continue;
    const { namespaces, ...rest } = conditions as Record<string, unknown>;
    const list = typeof namespaces === 'string' ? [namespaces] : (namespaces ?? []);
    if (!Array.isArray(list) || list.some((n) => n !== 'default')) {
      throw new TctlYamlError(
        `${doc.where}: field "spec.${side}.namespaces" is ${JSON.stringify(namespaces)}: Teleport supports only the "default" namespace, which it fills in itself, and the provider has no namespaces attribute. ` +
          'Fix: remove it, or write namespaces: ["default"] as tctl get prints it (it is dropped).',
      );
    }
    spec[side] = rest;
  }
  return spec;
}
