// What the live checks know once every cluster was asked: how NAMEs resolve to addresses, each
// address's /webapi/find answer, and the TCP probes of the tunnel addresses.
import { PingInfo, TcpProbeResult } from '../../proxy-client';
import { Finding } from '../../report/finding';
import { AddressMap } from './address-map';

export interface LiveContext {
  readonly addresses: AddressMap;
  /** /webapi/find answers by dialled address. */
  readonly infos: ReadonlyMap<string, PingInfo>;
  /** TCP probes by dialled tunnel address. */
  readonly probes: ReadonlyMap<string, TcpProbeResult>;
}

/** An info finding that says what was not checked and why. */
export function notChecked(stack: string, resource: string, message: string, fix?: string, path?: string): Finding {
  return { severity: 'info', check: 'validate.not-checked', stack, resource, ...(path ? { path } : {}), message, ...(fix ? { fix } : {}) };
}
