import { vi } from 'vitest';
import type { z } from 'zod';

/** One call the page made, as the server would have seen it. */
export type SeenRequest = { method: string; path: string; query: URLSearchParams; body: unknown; headers: Headers };
type Reply = { status?: number; body: unknown };
type Handler = (req: SeenRequest) => Reply | Promise<Reply>;

/**
 * The outside world for component tests: `fetch` answered from a table of routes, every request
 * kept for the test to look at. Replies given through `ok(schema, value)` are checked against the
 * contract, so a fixture cannot drift from what the real server sends.
 */
export function fakeApi() {
  const routes: { method: string; path: string; handler: Handler }[] = [];
  const requests: SeenRequest[] = [];

  const fetchStub = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : (init.body ?? undefined);
    const req: SeenRequest = { method, path: url.pathname, query: url.searchParams, body, headers: new Headers(init.headers) };
    requests.push(req);
    const route = routes.find((r) => r.method === method && r.path === url.pathname);
    const reply = route
      ? await route.handler(req)
      : { status: 404, body: { error: { code: 'not_found', message: `no fake for ${method} ${url.pathname}` } } };
    return new Response(JSON.stringify(reply.body), {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  vi.stubGlobal('fetch', vi.fn(fetchStub));

  return {
    requests,
    on(method: string, path: string, handler: Handler) {
      routes.unshift({ method, path, handler });
      return this;
    },
    /** The calls made to one path, oldest first. */
    calls(method: string, path: string) {
      return requests.filter((r) => r.method === method && r.path === path);
    },
    /** The query string of the latest GET to one path, as an object (a list's filters and page). */
    lastQuery(path: string) {
      return Object.fromEntries(requests.findLast((r) => r.method === 'GET' && r.path === path)?.query ?? []);
    },
  };
}

/** A 200 whose body the contract accepts. */
export const ok = <S extends z.ZodType>(schema: S, value: z.input<S>): Reply => ({ body: schema.parse(value) });

/** The server's error answer: `{ error: { code, message, fields } }`. */
export const fails = (status: number, code: string, message: string, fields?: { path: string; message: string }[]): Reply => ({
  status,
  body: { error: { code, message, ...(fields ? { fields } : {}) } },
});
