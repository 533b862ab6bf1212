import { TerraformResourceLifecycle } from 'cdktf';

/** Merges the construct's own ignored attribute paths into user lifecycle settings. */
export function withIgnoredChanges(lifecycle: TerraformResourceLifecycle | undefined, paths: string[]): TerraformResourceLifecycle {
  if (paths.length === 0) return lifecycle ?? {};
  const user = lifecycle?.ignoreChanges;
  if (user === 'all') return lifecycle!;
  const merged = [...(Array.isArray(user) ? user : []), ...paths.filter((p) => !(Array.isArray(user) && user.includes(p)))];
  return { ...lifecycle, ignoreChanges: merged };
}
