/** Formats one problem the way every construct and the runtime props check report it. */
export function problem(field: string, message: string, fix: string): string {
  return `field "${field}": ${message} Fix: ${fix}`;
}
