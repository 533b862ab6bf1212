import { TerraformResource } from 'cdktf';
import type { IRole } from '../role/i-role';

/**
 * The `teleport_role` a role creates when this app manages it (a `Role`), found in the construct
 * tree every `IRole` has; undefined for an existing role (`Role.fromName()`) or a preset. Its stack
 * and provider say which cluster the role is created on.
 */
export function managedRoleResource(role: IRole): TerraformResource | undefined {
  return role.node.children.find((c): c is TerraformResource => c instanceof TerraformResource && c.terraformResourceType === 'teleport_role');
}
