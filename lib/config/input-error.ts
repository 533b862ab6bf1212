/**
 * Input that cannot be read as given: a missing or unreadable path, a file that is not a regular
 * file, one over the size limit, nesting over the depth limit, text that is not JSON. The CLI
 * reports it in one line and exits 2 ("could not run"); it is never a finding.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** A short reason for a file system error: `no such file or directory`, `permission denied`, ... */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  if (code === 'ELOOP') return 'too many symbolic links';
  if (code === 'EISDIR') return 'is a directory';
  return code ?? (e as Error).message;
}
