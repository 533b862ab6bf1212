// CA files: PEM certificates that, together, replace the system roots for a cluster (as curl
// --cacert does). One TLS context per set of files, shared by every client that uses the same set
// (building one per connection costs ~10 ms of CPU).
import * as fs from 'fs';
import * as tls from 'tls';

/** A CA file that cannot be used: unreadable, or not a PEM certificate. */
export class CaFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaFileError';
  }
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** The PEM text of a CA file; throws CaFileError when it cannot be read or holds no PEM certificate. */
export function readCaFile(file: string): string {
  let pem: string;
  try {
    pem = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CaFileError(`cannot read CA file ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!PEM_CERTIFICATE.test(pem)) throw new CaFileError(`${file} is not a PEM certificate`);
  try {
    tls.createSecureContext({ ca: pem });
  } catch {
    throw new CaFileError(`${file} is not a PEM certificate`);
  }
  return pem;
}

const contexts = new Map<string, tls.SecureContext>();

/** The TLS context trusting exactly the certificates in `files` (order does not matter). */
export function caContext(files: readonly string[]): tls.SecureContext {
  const key = [...new Set(files)].sort().join('\n');
  let context = contexts.get(key);
  if (!context) {
    context = tls.createSecureContext({ ca: key.split('\n').map(readCaFile) });
    contexts.set(key, context);
  }
  return context;
}
