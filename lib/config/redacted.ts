/**
 * The value `terraform-check --plan-json` writes in place of a sensitive value (unless asked to keep
 * them). The plan reader recognises it: a redacted value is neither a value nor unset, and the
 * checks that need it say "not checked" instead of judging the marker.
 */
export const REDACTED_VALUE = '(sensitive value redacted by cdktf-teleport)';

export const isRedacted = (v: unknown): boolean => v === REDACTED_VALUE;
