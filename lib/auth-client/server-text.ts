// Text from a server or a file (a gRPC status message, a cluster name) before it enters a message:
// control and bidirectional-override characters become spaces, then the proxy client's masking
// (registered secrets, token-shaped runs) and cap apply.
import { serverText } from '../proxy-client/server-text';

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return serverText(text.replace(UNPRINTABLE, ' '));
}
