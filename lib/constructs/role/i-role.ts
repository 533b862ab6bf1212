import { IConstruct } from 'constructs';
import type * as l1 from '../../gen';

/**
 * A Teleport role something can refer to by name: a `Role` this app manages, an existing role
 * (`Role.fromName()`) or a preset (`Role.fromPreset()`). A `TrustedCluster`'s `roleMap` takes these.
 */
export interface IRole extends IConstruct {
  /** The role's name (`metadata.name`); may be a token for a managed role with a computed name. */
  readonly roleName: string;
  /**
   * The `teleport_role` resource when this app manages the role (a `Role`): its stack and provider
   * say which cluster the role is created on.
   * @default undefined for an existing role (`Role.fromName()`) or a preset (`Role.fromPreset()`)
   */
  readonly resource?: l1.role.Role;
}
