import * as fs from 'fs';
import { AuthClientError } from './errors';

/** Credential files (keys, certificates, identity files) are small; a larger file is not one. */
export const MAX_CREDENTIAL_FILE_BYTES = 1 << 20;

/** Reads a credential file; errors name the file and the errno, never any content. */
export function readCredentialFile(file: string, source: string): string {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new AuthClientError('identity', source, `${file} is not a file.`);
    if (stat.size > MAX_CREDENTIAL_FILE_BYTES)
      throw new AuthClientError('identity', source, `${file} is larger than ${MAX_CREDENTIAL_FILE_BYTES} bytes: not a credential file.`);
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof AuthClientError) throw e;
    throw new AuthClientError('identity', source, `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}
