import { Construct } from 'constructs';
import * as l1 from '../../gen';

type RenderedRoleClass = new (scope: Construct, id: string, config: l1.role.RoleConfig, spec: () => l1.role.RoleSpec) => l1.role.Role;

let renderedRoleClass: RenderedRoleClass | undefined;

/**
 * A `teleport_role` whose `spec` is rendered by `spec()` when it is synthesized (as JSON or HCL), so
 * that what the intent helpers add after construction is in it. Overrides (`addOverride`) still
 * apply on top. The class is made on first use: the generated role bindings load only for apps
 * that have a role.
 */
export function renderedRole(scope: Construct, id: string, config: l1.role.RoleConfig, spec: () => l1.role.RoleSpec): l1.role.Role {
  renderedRoleClass ??= class RenderedRole extends l1.role.Role {
    private rendered?: l1.role.RoleSpec;

    constructor(
      s: Construct,
      i: string,
      c: l1.role.RoleConfig,
      private readonly render: () => l1.role.RoleSpec,
    ) {
      super(s, i, c);
    }

    protected synthesizeAttributes(): { [name: string]: unknown } {
      this.putRendered();
      return super.synthesizeAttributes();
    }

    protected synthesizeHclAttributes(): { [name: string]: unknown } {
      this.putRendered();
      return super.synthesizeHclAttributes();
    }

    /** Puts the rendered spec, unless it is the one put last (render() keeps it until a helper adds more). */
    private putRendered(): void {
      const spec = this.render();
      if (spec === this.rendered) return;
      this.putSpec(spec);
      this.rendered = spec;
    }
  };
  return new renderedRoleClass(scope, id, config, spec);
}
