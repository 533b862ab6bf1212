/** Teleport's label key pattern (`types.IsValidLabelKey`): letters, digits and / . _ : * -. */
const LABEL_KEY = /^[a-zA-Z/.0-9_:*-]+$/;

/** True when `key` is a label key Teleport accepts. */
export function isLabelKey(key: string): boolean {
  return LABEL_KEY.test(key);
}

/** The fix for an invalid label key, as every rule words it. */
export const LABEL_KEY_FIX = 'use letters, digits and / . _ : * - only, e.g. "env" or "teleport.dev/team".';
