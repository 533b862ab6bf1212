/** What went wrong talking to an Auth Service; every kind maps to exit 2 in the CLI. */
export type AuthClientErrorKind = 'not-allowed' | 'unreachable' | 'tls' | 'timeout' | 'proxy' | 'grpc' | 'malformed' | 'too-large' | 'identity';

/** A failed connection or call, with a one-line message that names the address and never holds a secret. */
export class AuthClientError extends Error {
  constructor(
    public readonly kind: AuthClientErrorKind,
    public readonly where: string,
    message: string,
    /** The gRPC status code, for kind `grpc`. */
    public readonly code?: number,
  ) {
    super(`${where}: ${message}`);
    this.name = 'AuthClientError';
  }
}

/** gRPC status codes the checks act on (the others are errors). */
export const GRPC = { OK: 0, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, PERMISSION_DENIED: 7, UNIMPLEMENTED: 12, UNAUTHENTICATED: 16 } as const;

const NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

export function grpcCodeName(code: number): string {
  return NAMES[code] ?? `code ${code}`;
}
