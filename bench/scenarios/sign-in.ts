import crypto from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { defineScenario } from '../scenario.ts';

/**
 * 登录: POST /api/auth/login with a correct password. Argon2id verification dominates; the app also
 * writes the session, the sign-in log and an audit record. Sign-in is rate limited per client address
 * (30 a minute); many people sign in from many addresses, so each request names its own loopback
 * address in X-Forwarded-For (the app trusts the proxy header).
 */
const addr = (n: number) => `127.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255 || 1}`;
let counter = 0;

export const scenario = defineScenario({
  name: 'sign-in',
  title: '登录 sign-in',
  measures: 'POST /api/auth/login: argon2id check, new session, sign-in log and audit record in one transaction',
  role: null,
  writes: true,
  async plan({ manifest }) {
    const users = Object.values(manifest.users);
    const body = (s: { sent: number; client: number }) => ({
      username: users[(s.client + s.sent) % users.length]!,
      password: manifest.password,
    });
    return {
      app: {
        request: (s) => ({ method: 'POST', path: '/api/auth/login', body: body(s), headers: { 'x-forwarded-for': addr(++counter) } }),
      },
      baseline: { request: (s) => ({ method: 'POST', query: {}, body: body(s) }) },
    };
  },
  baseline: {
    method: 'POST',
    async sqlite(db, { body }) {
      const user = db.prepare('SELECT id, password_hash FROM users WHERE username = ?').get(body.username) as
        { id: string; password_hash: string } | undefined;
      if (!user || !(await verify(user.password_hash, body.password))) return { ok: false };
      const now = new Date().toISOString();
      db.prepare(
        'INSERT INTO sessions (id, user_id, csrf_token, ip, user_agent, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(crypto.randomBytes(32).toString('hex'), user.id, crypto.randomBytes(16).toString('hex'), '127.0.0.1', 'bench', now, now);
      return { ok: true };
    },
    async postgres(pool, { body }) {
      const user = (await pool.query('SELECT id, password_hash FROM users WHERE username = $1', [body.username])).rows[0];
      if (!user || !(await verify(user.password_hash, body.password))) return { ok: false };
      const now = new Date().toISOString();
      await pool.query(
        'INSERT INTO sessions (id, user_id, csrf_token, ip, user_agent, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [crypto.randomBytes(32).toString('hex'), user.id, crypto.randomBytes(16).toString('hex'), '127.0.0.1', 'bench', now, now],
      );
      return { ok: true };
    },
  },
});
