import { IConstruct } from 'constructs';

/**
 * A Teleport role something can refer to by name: a `Role` this app manages, an existing role
 * (`Role.fromName()`) or a preset (`Role.fromPreset()`). A `TrustedCluster`'s `roleMap` takes these.
 */
export interface IRole extends IConstruct {
  /** The role's name (`metadata.name`); may be a token for a managed role with a computed name. */
  readonly roleName: string;
}
