import { defineScenario } from '../scenario.ts';
import { BOARD_BY_CODE, pgBoard, sqliteBoard } from './_whereabouts.ts';

/**
 * 门口去向牌: the public door board of that department by its code, as kiosks and phones at the door
 * read it (no account; issue #13's 20 ms at p99 holds for it too, it is the same board). The public
 * API is rate limited per address and per device; many kiosks and phones read boards, so each
 * request comes from one of 8,000 loopback addresses (X-Forwarded-For, trusted from loopback) with
 * one of 40,000 device ids — well under both limits, and inside the limiters' LRUs (10,000 and
 * 50,000), so the limiters count as they would in service rather than being switched off.
 */
const ADDRESSES = 8_000;
const DEVICES = 40_000;
const addr = (n: number) => `127.${100 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${n & 255 || 1}`;
let counter = 0;

export const scenario = defineScenario({
  name: 'door-board',
  title: '门口去向牌 the public door board',
  measures:
    'GET /api/public/door-boards/:code (no account; rate limited per address and device): names, photos, posts, state, return, acting',
  role: null,
  needsRoutes: ['GET /api/public/door-boards/:code'],
  target: { p99Ms: 20, source: 'issue #13: a department’s board under 20 ms at p99 with 50 concurrent clients' },
  async plan({ manifest }) {
    const board = manifest.whereabouts;
    if (!board) return 'the dataset has no whereabouts (whereabouts migration absent when it was generated)';
    return {
      app: {
        request: () => {
          const n = ++counter;
          return {
            method: 'GET',
            path: `/api/public/door-boards/${board.code}`,
            headers: { 'x-forwarded-for': addr(n % ADDRESSES), 'x-device-id': `bench-door-${String(n % DEVICES).padStart(6, '0')}` },
          };
        },
      },
      baseline: { request: () => ({ method: 'GET', query: { code: board.code } }) },
    };
  },
  baseline: {
    method: 'GET',
    sqlite: (db, { query }) => sqliteBoard(db, BOARD_BY_CODE, query.code ?? ''),
    postgres: (pool, { query }) => pgBoard(pool, BOARD_BY_CODE, query.code ?? ''),
  },
});
