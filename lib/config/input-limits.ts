/**
 * How much input the reader accepts: the size of one file and the nesting depth of one JSON
 * document. A symlink to /dev/zero, a multi-gigabyte file or a 100k-deep array would otherwise grow
 * memory without bound or overflow the stack of every recursive walker after the parser.
 *
 * The CLI sets the limits for one command with {@link withInputLimits} (its `--max-input-size`
 * flag); library callers can pass limits explicitly. Both fall back to {@link DEFAULT_INPUT_LIMITS}.
 */
import { AsyncLocalStorage } from 'async_hooks';

export interface InputLimits {
  /** The largest file read, in bytes. @default 64 MiB */
  readonly maxBytes: number;
  /** The deepest nesting of arrays and objects accepted in one JSON document. @default 512 */
  readonly maxDepth: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxBytes: 64 * 1024 * 1024, maxDepth: 512 };

const scope = new AsyncLocalStorage<InputLimits>();

/** Runs `fn` (and everything it awaits) with these limits in force. */
export function withInputLimits<T>(limits: Partial<InputLimits>, fn: () => T): T {
  return scope.run({ ...currentInputLimits(), ...limits }, fn);
}

/** The limits in force: those of the enclosing {@link withInputLimits}, else the defaults. */
export function currentInputLimits(): InputLimits {
  return scope.getStore() ?? DEFAULT_INPUT_LIMITS;
}

const UNITS = new Map<string, number>([
  ['', 1],
  ['b', 1],
  ['k', 1024],
  ['kb', 1024],
  ['kib', 1024],
  ['m', 1024 ** 2],
  ['mb', 1024 ** 2],
  ['mib', 1024 ** 2],
  ['g', 1024 ** 3],
  ['gb', 1024 ** 3],
  ['gib', 1024 ** 3],
]);

/**
 * Parses a size such as `64MiB`, `100M`, `512k` or `1048576` (bytes). Units are binary (K = 1024);
 * returns undefined for anything else, including zero.
 */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS.get(m[2].toLowerCase()) : undefined;
  if (!m || unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** A size for messages: `64 MiB`, `1.5 GiB`, `300 bytes`. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}
