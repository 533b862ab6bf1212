import { IRole } from '../role/i-role';

/** One `role_map` entry: users with the root role `remote` get the leaf roles `local`. */
export interface RoleMapping {
  /**
   * The root cluster's role name. `*` is a wildcard; `^...$` is an RE2 regular expression whose
   * groups the local names can use as `$1`.
   */
  readonly remote: string;
  /**
   * The leaf roles granted. `Role` constructs are created before the trusted cluster; use
   * `Role.fromName()` (or a `PresetRole`) for roles that already exist on the leaf.
   */
  readonly local: IRole[];
}
