import * as l1 from '../../gen';

/** The two synthesis hooks of a cdktf resource (protected in its type). */
interface SynthesisHooks {
  synthesizeAttributes(): { [name: string]: unknown };
  synthesizeHclAttributes(): { [name: string]: unknown };
}

/**
 * Makes a `teleport_role` render its `spec` with `spec()` when it is synthesized (as JSON or HCL), so
 * that what the intent helpers add after construction is in it. Overrides (`addOverride`) still
 * apply on top. The hooks are set on the instance rather than through a subclass made by a factory:
 * cdktf captures a full stack trace for each of the ~47 tokens the generated constructor creates, and
 * each frame between the user's code and that constructor costs time on every one of them (a factory
 * and a subclass put two more frames under each; bench/README.md "Cold process").
 */
export function renderSpecAtSynth(resource: l1.role.Role, spec: () => l1.role.RoleSpec): void {
  const inherited = Object.getPrototypeOf(resource) as SynthesisHooks;
  let rendered: l1.role.RoleSpec | undefined;
  /** Puts the rendered spec, unless it is the one put last (spec() keeps it until a helper adds more). */
  const putRendered = (): void => {
    const current = spec();
    if (current === rendered) return;
    resource.putSpec(current);
    rendered = current;
  };
  const hook = (name: keyof SynthesisHooks): PropertyDescriptor => ({
    configurable: true,
    writable: true,
    value: function (this: SynthesisHooks) {
      putRendered();
      return inherited[name].call(this);
    },
  });
  Object.defineProperties(resource, { synthesizeAttributes: hook('synthesizeAttributes'), synthesizeHclAttributes: hook('synthesizeHclAttributes') });
}
