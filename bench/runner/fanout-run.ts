import type { Manifest } from '../lib/dataset.ts';
import { FANOUT_TARGET, fdShortage, measureFanout, type FanoutOptions, type FanoutResult, type FanoutSide } from './fanout.ts';
import { settle } from './load.ts';

/** The step's name for `--only`, beside the scenarios. */
export const FANOUT_STEP = 'door-board-fanout';

// each kiosk from its own loopback address (X-Forwarded-For, trusted from loopback) and device id,
// as kiosks in many offices are: the public API's per-address and per-device limits stay on
const kioskAddress = (i: number) => `127.201.${(i >> 8) & 255}.${i & 255}`;
const kioskDevice = (i: number) => `bench-kiosk-${String(i).padStart(6, '0')}`;
const kioskHeaders = (i: number) => ({ 'x-forwarded-for': kioskAddress(i), 'x-device-id': kioskDevice(i) });

const changeBody = (state: string) =>
  state === 'in_office'
    ? { state }
    : { state, place: '区政务服务中心', expectedReturnAt: new Date(Date.now() + 2 * 3_600_000).toISOString() };

async function put(url: string, headers: Record<string, string>, body: unknown) {
  const res = await fetch(url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`PUT ${new URL(url).pathname}: ${res.status} ${text.slice(0, 200)}`);
}

/**
 * The fan-out against the app (public door-board stream, the head's PUT of a person's whereabouts,
 * the public board) and then against the bare routes of the baseline server.
 */
export async function runFanout(input: {
  manifest: Manifest;
  routes: Set<string>;
  app: { port: number; pid: number };
  baseline: { port: number; pid: number } | null;
  /** signed in as the bench head (who manages the board's department) */
  headHeaders: Record<string, string>;
  options: FanoutOptions;
}): Promise<FanoutResult> {
  const { manifest, options } = input;
  const out: FanoutResult = { options, target: { ...FANOUT_TARGET }, notes: [] };
  const board = manifest.whereabouts;
  if (!board) return { ...out, skipped: 'the dataset has no whereabouts (whereabouts migration absent when it was generated)' };
  const needed = ['GET /api/public/door-boards/:code/live', 'PUT /api/whereabouts/people/:personId', 'GET /api/public/door-boards/:code'];
  const missing = needed.filter((r) => !input.routes.has(r));
  if (missing.length) return { ...out, skipped: `route ${missing.join(', ')} not in the app yet` };
  const short = fdShortage(options.streams, input.app.pid);
  if (short) return { ...out, skipped: short };

  const appUrl = `http://127.0.0.1:${input.app.port}`;
  const app: FanoutSide = {
    baseUrl: appUrl,
    pid: input.app.pid,
    personId: board.personId,
    stream: (i) => ({
      path: `/api/public/door-boards/${board.code}/live?deviceId=${kioskDevice(i)}`,
      headers: { 'x-forwarded-for': kioskAddress(i) },
    }),
    board: (i) => ({ path: `/api/public/door-boards/${board.code}`, headers: kioskHeaders(i) }),
    change: (_k, state) => put(`${appUrl}/api/whereabouts/people/${board.personId}`, input.headHeaders, changeBody(state)),
  };
  out.notes.push(
    `the board: ${board.boardPeople} people (${board.boardAway} away); kiosks each from their own address and device id (public limits on); the PUTs by the department head`,
  );
  out.app = await measureFanout(app, options);
  await settle(input.app.pid);
  out.target.met = out.app.events.deliveries.p99 < out.target.p99Ms && out.app.events.missed === 0;

  if (input.baseline) {
    const baseUrl = `http://127.0.0.1:${input.baseline.port}`;
    const bare: FanoutSide = {
      baseUrl,
      pid: input.baseline.pid,
      personId: board.personId,
      stream: () => ({ path: `/b/fanout/live?dept=${board.departmentId}`, headers: {} }),
      board: () => ({ path: `/b/door-board?code=${board.code}`, headers: {} }),
      change: (_k, state) => put(`${baseUrl}/b/fanout/people/${board.personId}`, {}, changeBody(state)),
    };
    out.baseline = await measureFanout(bare, options);
    await settle(input.baseline.pid);
    out.ratio = Math.round((out.app.events.deliveries.p99 / Math.max(0.1, out.baseline.events.deliveries.p99)) * 100) / 100;
  }
  return out;
}
