import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import type { Manifest } from './lib/dataset.ts';

/**
 * One benchmark scenario: what it asks of the real app, and the same query answered by a bare
 * Fastify route with no code of ours (bench/baseline-server.ts) — the limit of this machine.
 * Adding a scenario is one file in bench/scenarios/ exporting `scenario`.
 */
export type Role = 'admin' | 'office' | 'head' | 'staff';
export type HttpRequest = { method: 'GET' | 'POST' | 'PATCH' | 'PUT'; path: string; body?: unknown; headers?: Record<string, string> };

/** Per-connection state: each of the 50 clients has its own. */
export type ClientState = { client: number; sent: number; data: Record<string, unknown> };

/** What the run knows before a scenario starts. */
export type ScenarioEnv = {
  manifest: Manifest;
  /** 'GET /api/tasks' … from the app's OpenAPI document */
  routes: Set<string>;
  /** signed-in GET against the real app (as the scenario's role), for ids a scenario needs first */
  get(path: string): Promise<unknown>;
};

/** How one side (the app, or the baseline route) is driven: the next request of a client, and what it learns from the answer. */
export type Driver<R> = {
  request(state: ClientState): R;
  onResponse?(state: ClientState, status: number, body: string): void;
  /** before each load (warm-up and measured): e.g. re-read what requests abandoned at the last deadline changed */
  beforeLoad?(): Promise<void>;
};
export type BaselineRequest = { method: 'GET' | 'POST'; query: Record<string, string>; body?: unknown };
export type Plan = { app: Driver<HttpRequest>; baseline: Driver<BaselineRequest> };

export type BaselineInput = { query: Record<string, string>; body: any };

/** A p99 the app must answer within, and where the requirement comes from. */
export type LatencyTarget = { p99Ms: number; source: string };

export type Scenario = {
  name: string;
  title: string;
  /** what it measures, one line for the README and the results table */
  measures: string;
  /** who signs in; null for an anonymous request (sign-in itself) */
  role: Role | null;
  /** routes that must be in the OpenAPI document ('GET /api/tasks'), else the scenario is skipped with a note */
  needsRoutes?: string[];
  needsTasks?: boolean;
  /** a write: the working copy of the dataset changes */
  writes?: boolean;
  /** a latency target the app's p99 is checked against and the run prints (met or not) */
  target?: LatencyTarget;
  /** build both drivers (may ask the app for ids first); a string means "skip, because …" */
  plan(env: ScenarioEnv): Promise<Plan | string>;
  /** the bare route's handler in bench/baseline-server.ts, one per engine */
  baseline: {
    method: 'GET' | 'POST';
    sqlite(db: SqliteDatabase.Database, input: BaselineInput): unknown;
    postgres(pool: pg.Pool, input: BaselineInput): Promise<unknown>;
  };
};

export const defineScenario = (s: Scenario) => s;

/** rows → plain objects for JSON (pg gives numbers as strings for bigint; keep as is) */
export const q = (params: Record<string, string | number | undefined>) =>
  Object.fromEntries(
    Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
