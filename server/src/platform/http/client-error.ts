import http from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyBaseLogger, FastifyInstance } from 'fastify';
import { errorMessage, langFromAcceptLanguage, type ErrorBody, type ErrorCode } from '@qinlian/contracts';

// Node hands over the bytes it choked on as a Buffer (Fastify's type has it as Buffer#toJSON's shape)
type ClientError = Omit<ConnectionError, 'rawPacket'> & { rawPacket?: Buffer };

/** Node's parser codes → what we answer. Anything else the parser refuses is a malformed request (400). */
const ANSWERS: Record<string, { status: number; code: ErrorCode }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'headers_too_large' }, // the request line counts too: a 70 KB URL lands here
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request_timeout' },
};

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the bytes (headers too large, a broken
 * request line, a request that never finished arriving) before any request object exists, so
 * neither Fastify's hooks nor its error handler run. Without this the answer is Fastify's own
 * `{"error":"…","statusCode":431}`; with it, the one ErrorBody, written onto the raw socket.
 */
export function answerClientError(this: { log: FastifyBaseLogger }, connectionError: ConnectionError, socket: Socket) {
  const err = connectionError as unknown as ClientError;
  if (err.code === 'ECONNRESET' || socket.destroyed) return; // the client is gone: nobody to answer
  const { status, code } = ANSWERS[err.code ?? ''] ?? { status: 400, code: 'malformed_request' as const };
  const lang = langFromAcceptLanguage(acceptLanguageIn(err.rawPacket));
  const limit = `${Math.round(http.maxHeaderSize / 1024)} KB`; // Node's default: the app sets no maxHeaderSize
  const body: ErrorBody = { error: { code, message: errorMessage(code, lang, { limit }) } };
  const json = JSON.stringify(body);
  this.log.debug({ err: { code: err.code, message: err.message } }, 'client error');
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(json)}`,
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        json,
      ].join('\r\n'),
    );
  }
  socket.destroy(connectionError);
}

/**
 * The headers were never parsed, but the bytes the parser choked on often still hold the caller's
 * Accept-Language; a scan of those bytes is cheap. Absent (it came in an earlier chunk), zh-CN.
 */
function acceptLanguageIn(raw: Buffer | undefined): string | undefined {
  if (!raw) return undefined;
  return /\r\naccept-language:[ \t]*([^\r\n]{1,200})/i.exec(raw.toString('latin1'))?.[1];
}

/** For what Node refuses after parsing the headers but before Fastify sees the request: the caller's language is known. */
function answerParsed(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  code: ErrorCode,
  params: Record<string, string> = {},
) {
  const lang = langFromAcceptLanguage(req.headers['accept-language']);
  const json = JSON.stringify({ error: { code, message: errorMessage(code, lang, params) } } satisfies ErrorBody);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(json);
}

type RequestListener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * Node answers two things itself with a bare body-less status unless told otherwise: an `Expect`
 * other than `100-continue` (417, unless someone listens for `checkExpectation`) and an HTTP/1.1
 * request without `Host` (400, RFC 9112 §3.2, unless `requireHostHeader` is off — app.ts turns it
 * off so that this answers instead). The Host check sits in front of Fastify's own request listener
 * because Fastify's `request.hostname` assumes a Host header and must never see a request without one.
 */
export function installParsedRequestAnswers(app: Pick<FastifyInstance, 'server'>) {
  const server = app.server as http.Server;
  server.on('checkExpectation', (req: http.IncomingMessage, res: http.ServerResponse) =>
    answerParsed(req, res, 417, 'expectation_failed', { expect: String(req.headers.expect ?? '').slice(0, 100) }),
  );
  const fastifyListeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.httpVersion === '1.1' && req.headers.host === undefined) return answerParsed(req, res, 400, 'host_required');
    for (const listener of fastifyListeners) listener.call(server, req, res);
  });
}
