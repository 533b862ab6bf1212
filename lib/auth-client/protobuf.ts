// The protobuf wire format, just enough for the few read-only messages the Auth client sends and
// reads (proto3: varints, length-delimited fields; unknown fields are skipped, as protobuf does).
// Decoding is bounds-checked everywhere: a hostile or broken server gets a MalformedMessage error,
// never an out-of-range read or a hang.

/** A message that does not parse as protobuf. */
export class MalformedMessage extends Error {}

function varintBytes(n: number): number[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`varint out of range: ${n}`);
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

const tag = (field: number, wire: number) => varintBytes(field * 8 + wire);

/** One field of a message being built: a string, a non-negative integer, or an embedded message. */
export type FieldValue = { readonly string: string } | { readonly uint: number } | { readonly message: Buffer };

/** Encodes fields in the order given; empty strings and zeros are left out, as proto3 does. */
export function encodeMessage(fields: ReadonlyArray<readonly [number, FieldValue]>): Buffer {
  const parts: Buffer[] = [];
  for (const [no, value] of fields) {
    if ('uint' in value) {
      if (value.uint !== 0) parts.push(Buffer.from([...tag(no, 0), ...varintBytes(value.uint)]));
      continue;
    }
    const bytes = 'string' in value ? Buffer.from(value.string, 'utf8') : value.message;
    if ('string' in value && bytes.length === 0) continue;
    parts.push(Buffer.from([...tag(no, 2), ...varintBytes(bytes.length)]), bytes);
  }
  return Buffer.concat(parts);
}

/** A decoded message: each field number with its raw values, in wire order. */
export class Fields {
  private constructor(private readonly byNumber: ReadonlyMap<number, readonly (number | Buffer)[]>) {}

  public static decode(buf: Buffer): Fields {
    const byNumber = new Map<number, (number | Buffer)[]>();
    let at = 0;
    const varint = (): number => {
      let result = 0;
      let scale = 1;
      for (let i = 0; i < 10; i++) {
        if (at >= buf.length) throw new MalformedMessage('truncated varint');
        const b = buf[at++];
        result += (b & 0x7f) * scale;
        if (!(b & 0x80)) return result;
        scale *= 0x80;
      }
      throw new MalformedMessage('varint longer than 10 bytes');
    };
    const take = (n: number): Buffer => {
      if (!Number.isSafeInteger(n) || n < 0 || at + n > buf.length) throw new MalformedMessage('field runs past the end of the message');
      const out = buf.subarray(at, at + n);
      at += n;
      return out;
    };
    while (at < buf.length) {
      const key = varint();
      const no = Math.floor(key / 8);
      const wire = key % 8;
      if (no < 1) throw new MalformedMessage('field number 0');
      let value: number | Buffer;
      if (wire === 0) value = varint();
      else if (wire === 2) value = take(varint());
      else if (wire === 1) value = take(8);
      else if (wire === 5) value = take(4);
      else throw new MalformedMessage(`unsupported wire type ${wire}`);
      const list = byNumber.get(no) ?? [];
      list.push(value);
      byNumber.set(no, list);
    }
    return new Fields(byNumber);
  }

  /** The last value of a string field (proto3: the last one wins), or '' when absent. */
  public string(no: number): string {
    const all = this.strings(no);
    return all.length ? all[all.length - 1] : '';
  }

  public strings(no: number): string[] {
    return this.bytesOf(no).map((b) => b.toString('utf8'));
  }

  /** The last value of an embedded message field, decoded, or undefined when absent. */
  public message(no: number): Fields | undefined {
    const all = this.bytesOf(no);
    return all.length ? Fields.decode(all[all.length - 1]) : undefined;
  }

  public messages(no: number): Fields[] {
    return this.bytesOf(no).map((b) => Fields.decode(b));
  }

  /** A varint field (bool, int32, int64 within 2^53), 0 when absent. */
  public uint(no: number): number {
    const all = this.byNumber.get(no) ?? [];
    const last = all[all.length - 1];
    if (last === undefined) return 0;
    if (typeof last !== 'number') throw new MalformedMessage(`field ${no} is not a varint`);
    return last;
  }

  private bytesOf(no: number): Buffer[] {
    return (this.byNumber.get(no) ?? []).map((v) => {
      if (typeof v === 'number') throw new MalformedMessage(`field ${no} is not length-delimited`);
      return v;
    });
  }
}

/**
 * A google.protobuf.Timestamp (seconds = 1, nanos = 2), or undefined when absent, zero or before
 * 1970: Go's zero time (year 1) arrives as a negative int64, i.e. a varint of 2^63 or more.
 */
export function timestamp(f: Fields | undefined): Date | undefined {
  if (!f) return undefined;
  const seconds = f.uint(1);
  if (seconds === 0 || seconds >= 2 ** 63) return undefined;
  const d = new Date(seconds * 1000 + Math.floor(f.uint(2) / 1e6));
  return Number.isNaN(d.getTime()) ? undefined : d;
}
