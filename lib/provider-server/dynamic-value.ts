// Terraform's DynamicValue: msgpack (what Terraform always sends) or JSON (UpgradeResourceState's raw
// state). Unknown values are msgpack extension values; they are passed through as ExtData.
import { ExtData, decode, encode } from '@msgpack/msgpack';

export interface DynamicValue {
  msgpack?: Buffer | Uint8Array;
  json?: Buffer | Uint8Array;
}

/** Decodes a DynamicValue; null for an absent or msgpack-nil value (e.g. the prior state of a create). */
export function decodeValue(value: DynamicValue | null | undefined): any {
  if (!value) return null;
  if (value.msgpack && value.msgpack.length) return decode(value.msgpack);
  if (value.json && value.json.length) return JSON.parse(Buffer.from(value.json).toString('utf8'));
  return null;
}

export function encodeValue(value: unknown): DynamicValue {
  return { msgpack: Buffer.from(encode(value)) };
}

/** A plain unknown value (fixext1, type 0), which Terraform accepts anywhere. */
export function unknownValue(): ExtData {
  return new ExtData(0, new Uint8Array([0]));
}

export function isUnknown(value: unknown): value is ExtData {
  return value instanceof ExtData;
}
