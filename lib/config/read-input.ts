/**
 * Reads the files the commands are given: regular files only (a FIFO, a device or a symlink to one
 * is refused without blocking on it), no more than the size limit, JSON no deeper than the depth
 * limit. Every failure is an {@link InputError} naming the file and what to do.
 */
import * as fs from 'fs';
import { InputError, fsReason } from './input-error';
import { InputLimits, currentInputLimits, formatSize } from './input-limits';
import { depthExceededAt, valueTooDeep } from './json-depth';
import { jsonErrorWhere, positionAt } from './json-error-position';

const CHUNK = 1024 * 1024;

/** What a file that is not a regular file is, for messages. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The text of a regular file of at most `limits.maxBytes` bytes. Opened without blocking (a FIFO
 * opens at once and is then refused), checked on the open descriptor (no race with a swap), and
 * read no further than the limit even if the file grows meanwhile.
 */
export function readInputText(file: string, limits: InputLimits = currentInputLimits()): string {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${fsReason(e)}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      throw new InputError(
        `cannot read ${file}: it is ${kindOf(stat)}; only regular files are read. Fix: pass the file itself (a symbolic link may point at a regular file).`,
      );
    }
    if (stat.size > limits.maxBytes) throw tooLarge(file, limits);
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limits.maxBytes + 1 - length));
      let read: number;
      try {
        read = fs.readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw new InputError(`cannot read ${file}: ${fsReason(e)}`);
      }
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      length += read;
      if (length > limits.maxBytes) throw tooLarge(file, limits); // it grew past the limit while being read
    }
    return Buffer.concat(chunks, length).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function tooLarge(file: string, limits: InputLimits): InputError {
  return new InputError(
    `cannot read ${file}: it is larger than the input limit of ${formatSize(limits.maxBytes)}. Fix: pass the right file, or raise the limit with --max-input-size (e.g. --max-input-size 256MiB).`,
  );
}

/**
 * Parses JSON text read from `file`, refusing nesting deeper than `limits.maxDepth` (with its line
 * and column). A syntax error names only where it is, never a snippet of the text, which can hold
 * a secret.
 */
export function parseJsonText(text: string, file: string, limits: InputLimits = currentInputLimits()): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (e instanceof RangeError) throw tooDeep(text, file, limits); // a parser that does recurse
    throw new InputError(`${file} is not valid JSON (${jsonErrorWhere(text)})`);
  }
  if (valueTooDeep(value, limits.maxDepth)) throw tooDeep(text, file, limits);
  return value;
}

function tooDeep(text: string, file: string, limits: InputLimits): InputError {
  const at = depthExceededAt(text, limits.maxDepth);
  const { line, column } = positionAt(text, Math.max(at, 0));
  return new InputError(
    `cannot read ${file}: JSON nested deeper than ${limits.maxDepth} levels (at line ${line}, column ${column}). Fix: no Terraform configuration or plan nests that deep; pass the right file.`,
  );
}

/** {@link readInputText} then {@link parseJsonText}. */
export function readJsonFile(file: string, limits: InputLimits = currentInputLimits()): unknown {
  return parseJsonText(readInputText(file, limits), file, limits);
}
