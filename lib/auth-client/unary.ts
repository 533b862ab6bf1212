// One gRPC unary call over an HTTP/2 session (gRPC over HTTP/2: a POST to the full method path,
// `content-type: application/grpc`, `te: trailers`, a 5-byte length prefix before the message;
// the status in `grpc-status` / `grpc-message`, in the trailers or, for an error without a body,
// in the headers). The allow-list is checked here again, before the request is written, so that
// no caller can get anything else onto the wire. No `version` header is sent: Teleport lets calls
// without one through (see docs/auth-grpc.md).
import * as http2 from 'http2';
import { abortable } from './abortable';
import { isAllowedMethod } from './allow-list';
import { AuthClientError } from './errors';

export interface UnaryOptions {
  readonly signal: AbortSignal;
  /** The server's deadline (grpc-timeout), in milliseconds. */
  readonly timeoutMs: number;
  /** Answers larger than this are refused. */
  readonly maxBytes: number;
  /** The address, for messages. */
  readonly where: string;
}

export interface UnaryResult {
  /** The gRPC status code (0 = OK). */
  readonly status: number;
  /** grpc-message, decoded (server text: quote it only through plainServerText()). */
  readonly message: string;
  /** The response message, when the status is OK. */
  readonly payload: Buffer;
}

function frame(message: Buffer): Buffer {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32BE(message.length, 1);
  return Buffer.concat([prefix, message]);
}

function decodeMessage(raw: unknown): string {
  const text = Array.isArray(raw) ? raw.join(' ') : String(raw ?? '');
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function unaryCall(session: http2.ClientHttp2Session, method: string, message: Buffer, o: UnaryOptions): Promise<UnaryResult> {
  if (!isAllowedMethod(method)) {
    return Promise.reject(new AuthClientError('not-allowed', o.where, `${method} is not on the validator's allow-list; it is never sent.`));
  }
  const fail = (why: string) => new AuthClientError('malformed', o.where, `${method}: ${why}`);
  return abortable<UnaryResult>(o.signal, o.where, method, (resolve, reject) => {
    let req: http2.ClientHttp2Stream;
    try {
      req = session.request({
        ':method': 'POST',
        ':path': method,
        'content-type': 'application/grpc',
        te: 'trailers',
        'grpc-timeout': `${Math.max(1, Math.ceil(o.timeoutMs))}m`,
        'user-agent': 'cdktf-teleport-validate',
      });
    } catch (e) {
      reject(new AuthClientError('unreachable', o.where, `${method}: the connection is gone (${(e as NodeJS.ErrnoException).code ?? 'error'}).`));
      return () => undefined;
    }
    let headers: http2.IncomingHttpHeaders | undefined;
    let trailers: http2.IncomingHttpHeaders | undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('response', (h) => (headers = h));
    req.on('trailers', (t) => (trailers = t));
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > o.maxBytes)
        reject(new AuthClientError('too-large', o.where, `${method} answered with more than ${o.maxBytes} bytes; refusing to read it.`));
      else chunks.push(chunk);
    });
    req.on('error', (e: NodeJS.ErrnoException) =>
      reject(new AuthClientError('unreachable', o.where, `${method}: the connection failed (${e.code ?? 'error'}).`)),
    );
    req.on('close', () => {
      if (!headers)
        return reject(
          new AuthClientError(
            'unreachable',
            o.where,
            `${method}: the stream closed without an answer (${req.rstCode ? `HTTP/2 error ${req.rstCode}` : 'no headers'}).`,
          ),
        );
      if (Number(headers[':status']) !== 200) return reject(fail(`answered HTTP ${headers[':status']}, not gRPC: is this an Auth Service?`));
      if (!String(headers['content-type'] ?? '').startsWith('application/grpc'))
        return reject(fail('the answer is not application/grpc: is this an Auth Service?'));
      const status = (trailers ?? headers)['grpc-status'];
      if (status === undefined || !/^\d{1,2}$/.test(String(status))) return reject(fail('the answer has no grpc-status.'));
      const code = Number(status);
      const text = decodeMessage((trailers ?? headers)['grpc-message']);
      if (code !== 0) return resolve({ status: code, message: text, payload: Buffer.alloc(0) });
      const body = Buffer.concat(chunks);
      if (body.length < 5) return reject(fail('the answer holds no message.'));
      if (body[0] !== 0) return reject(fail('the answer is compressed, which was not offered.'));
      const length = body.readUInt32BE(1);
      if (body.length !== 5 + length) return reject(fail('the answer is not exactly one message.'));
      resolve({ status: 0, message: text, payload: body.subarray(5) });
    });
    req.end(frame(message));
    return () => req.close(http2.constants.NGHTTP2_CANCEL);
  });
}
