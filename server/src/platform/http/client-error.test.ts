import http from 'node:http';
import net from 'node:net';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessage } from '@qinlian/contracts';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { answerClientError } from './client-error.ts';

/**
 * Every 4xx in the one ErrorBody, including what Node's HTTP parser and Fastify answer before a
 * route runs. Through a real listening socket: app.inject skips Node's parser, which is where 431,
 * a broken request line and a timeout are decided.
 */
type Answer = { status: number; headers: Record<string, string>; body: any };

/** A body that is not JSON (Node's bare answers have none) is kept as text, so the assertion says what came. */
const parseOrText = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Raw bytes in, the parsed HTTP answer out (the server closes the connection after an error). */
function rawExchange(port: number, bytes: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => {}); // the server may reset after answering; what it sent is what we check
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = (head ?? '').split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1]);
      if (!status) return reject(new Error(`no HTTP answer: ${JSON.stringify(text.slice(0, 200))}`));
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status, headers, body: parseOrText(rest.join('\r\n\r\n')) });
    });
    socket.end(bytes);
  });
}

/** An ordinary client request (Node's http client), for what Fastify answers once the headers parsed. */
function request(port: number, options: http.RequestOptions, body?: Buffer | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, ...options }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers as Record<string, string>, body: parseOrText(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectErrorBody(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  expect(answer.body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(Object.keys(answer.body)).toEqual(['error']); // not Fastify's { error, message, statusCode }
}

describe('errors before a route runs, through a listening server', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, headers: string[] = []) =>
    ['GET ' + path + ' HTTP/1.1', 'Host: 127.0.0.1', ...headers, 'Connection: close', '', ''].join('\r\n');

  it('answers a 20 KB header with 431 in the one shape, zh-CN by default', async () => {
    const answer = await rawExchange(port, get('/api/health', [`X-Padding: ${'a'.repeat(20 * 1024)}`]));
    expectErrorBody(answer, 431, 'headers_too_large');
    expect(answer.body.error.message).toBe(errorMessage('headers_too_large', 'zh-CN', { limit: `${http.maxHeaderSize / 1024} KB` }));
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(answer.body)));
  });

  it('answers the 431 in English when the Accept-Language it choked on asks for it', async () => {
    const answer = await rawExchange(port, get('/api/health', ['Accept-Language: en-US,en;q=0.9', `Cookie: x=${'a'.repeat(20 * 1024)}`]));
    expectErrorBody(answer, 431, 'headers_too_large');
    expect(answer.body.error.message).toBe(errorMessage('headers_too_large', 'en-US', { limit: `${http.maxHeaderSize / 1024} KB` }));
  });

  it('answers a 70 KB URL with 414 or 431 in the one shape', async () => {
    const answer = await rawExchange(port, get(`/api/people?q=${'a'.repeat(70 * 1024)}`));
    expect([414, 431]).toContain(answer.status);
    expectErrorBody(answer, answer.status, answer.status === 431 ? 'headers_too_large' : 'validation_failed');
  });

  it('answers a malformed request line with 400 in the one shape', async () => {
    expectErrorBody(await rawExchange(port, 'GET\u0000/ NOT-HTTP\r\n\r\n'), 400, 'malformed_request');
    expectErrorBody(await rawExchange(port, 'BREW /api/health HTTP/1.1\r\nHost: x\r\n\r\n'), 400, 'malformed_request');
  });

  it('answers an Expect it cannot meet with 417 in the one shape, not a bare Node 417', async () => {
    const answer = await request(port, { method: 'GET', path: '/api/health', headers: { expect: 'teapot', 'accept-language': 'en-US' } });
    expectErrorBody(answer, 417, 'expectation_failed');
    expect(answer.body.error.message).toBe(errorMessage('expectation_failed', 'en-US', { expect: 'teapot' }));
  });

  it('answers an HTTP/1.1 request without Host with 400 in the one shape, not a bare Node 400', async () => {
    const answer = await rawExchange(port, 'GET /api/health HTTP/1.1\r\nAccept-Language: en\r\nConnection: close\r\n\r\n');
    expectErrorBody(answer, 400, 'host_required');
    expect(answer.body.error.message).toBe(errorMessage('host_required', 'en-US'));
    // with a Host, the same request still reaches the routes
    expect((await rawExchange(port, get('/api/health'))).status).toBe(200);
  });

  it('answers malformed JSON with 400 in the one shape, in English when asked', async () => {
    const headers = { 'content-type': 'application/json', 'accept-language': 'en-US' };
    const answer = await request(port, { method: 'POST', path: '/api/auth/login', headers }, '{"username": ');
    expectErrorBody(answer, 400, 'malformed_json');
    expect(answer.body.error.message).toBe(errorMessage('malformed_json', 'en-US'));
  });

  it('answers a 2 MB body with 413 in the one shape', async () => {
    const body = JSON.stringify({ username: 'a'.repeat(2 * 1024 * 1024), password: 'x' });
    const answer = await request(port, { method: 'POST', path: '/api/auth/login', headers: { 'content-type': 'application/json' } }, body);
    expectErrorBody(answer, 413, 'body_too_large');
    expect(answer.body.error.message).toBe(errorMessage('body_too_large', 'zh-CN', { limit: `${t.config.bodyLimitBytes / 1024} KB` }));
  });

  it('answers an unknown route with 404 in the one shape, in English when asked', async () => {
    const answer = await request(port, { method: 'GET', path: '/api/no-such-thing?x=1', headers: { 'accept-language': 'en-US' } });
    expectErrorBody(answer, 404, 'route_not_found');
    expect(answer.body.error.message).toBe(errorMessage('route_not_found', 'en-US', { method: 'GET', url: '/api/no-such-thing' }));
  });

  it('answers bad percent-encoding and a path parameter past the router limit in the one shape', async () => {
    expectErrorBody(await request(port, { method: 'GET', path: '/api/people/%FF' }), 400, 'validation_failed');
    // up to the app's maxParamLength (1000) the parameter reaches its route: here, no session
    expectErrorBody(await request(port, { method: 'GET', path: `/api/people/${'a'.repeat(500)}` }), 401, 'unauthenticated');
    const long = await request(port, { method: 'GET', path: `/api/people/${'a'.repeat(1500)}` });
    expectErrorBody(long, long.status, long.status === 414 ? 'validation_failed' : 'route_not_found');
  });
});

describe('a request that never finishes arriving', () => {
  it('is answered 408 in the one shape when the server has a request timeout', async () => {
    // the app sets no request timeout of its own (Node's 60 s header timeout applies); a small one here shows the answer
    const app = Fastify({ requestTimeout: 200, clientErrorHandler: answerClientError, http: { connectionsCheckingInterval: 50 } });
    app.get('/', async () => ({ ok: true }));
    await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { port } = app.server.address() as net.AddressInfo;
      const answer = await new Promise<Answer>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (c) => chunks.push(c));
        socket.on('error', () => {});
        socket.on('close', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
          if (!status) return reject(new Error(`no HTTP answer: ${JSON.stringify(text)}`));
          const contentType = /\r\ncontent-type: ([^\r]+)/i.exec(text)?.[1] ?? '';
          resolve({ status, headers: { 'content-type': contentType }, body: parseOrText(text.split('\r\n\r\n')[1] ?? '') });
        });
        socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: en-US\r\n'); // and then nothing more
      });
      expectErrorBody(answer, 408, 'request_timeout');
      expect(answer.body.error.message).toBe(errorMessage('request_timeout', 'zh-CN')); // the parsed-bytes scan sees only the last chunk
    } finally {
      await app.close();
    }
  });
});
