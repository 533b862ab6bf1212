// Teleport's role_map syntax (lib/services: utils.ReplaceRegexp, checkLocalRoles). Internal.

/** True when a local role name is an expansion (`$1`, `${name}`): Teleport does not require it to exist. */
export function isExpansion(name: string): boolean {
  return name.includes('$');
}

/** True when a remote role is a regular expression (`^...$`), as Teleport decides it. */
export function isRegex(remote: string): boolean {
  return remote.startsWith('^') && remote.endsWith('$');
}
