import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import { preferredEncoding, sendKeptJson } from './json-text.ts';

describe('preferredEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['BR;Q=0.5', 'br'],
    ['*', 'br'],
    ['*;q=0, gzip;q=0', null],
    ['identity', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});

describe('sendKeptJson', () => {
  const app = Fastify();
  const big = Buffer.from(JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `督查事项${i}` })) }));
  const small = Buffer.from('{"ok":true}');
  beforeAll(async () => {
    app.decorate('config', { verifyResponses: false } as Config); // all sendKeptJson reads of it
    app.get('/big', (_req, reply) => sendKeptJson(reply, big));
    app.get('/small', (_req, reply) => sendKeptJson(reply, small));
    await app.ready();
  });
  afterAll(() => app.close());
  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('answers a browser in brotli, a gzip-only client in gzip, each decoding to the very bytes kept', async () => {
    const br = await get('/big', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/);
    expect(br.rawPayload.length).toBeLessThan(big.length / 4);
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(big)).toBe(true);
    const gz = await get('/big', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(big)).toBe(true);
    expect((await get('/big', 'gzip, deflate, br')).rawPayload.equals(br.rawPayload)).toBe(true);
  });

  it('sends the bytes as they are to a client that accepts no compression, and small answers always', async () => {
    const plain = await get('/big');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(big)).toBe(true);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    const tiny = await get('/small', 'br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.json()).toEqual({ ok: true });
  });
});
