import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = path.resolve(BENCH_DIR, '..');
export const DATA_DIR = path.join(BENCH_DIR, '.data');

export const SCALES = {
  small: { departments: 30, people: 150, tasks: 3_000, audit: 15_000, demands: 10_000 },
  area: { departments: 300, people: 5_000, tasks: 100_000, audit: 500_000, demands: 1_000_000 },
  province: { departments: 2_000, people: 50_000, tasks: 1_000_000, audit: 5_000_000, demands: 1_000_000 },
} as const;
export type Scale = keyof typeof SCALES;
export type Engine = 'sqlite' | 'postgres';

/** Every bench account signs in with this password (hashed once, stored for all). */
export const BENCH_PASSWORD = 'Bench@2026!';
/** The audit key (QINLIAN_AUDIT_KEY) the generator seals the records baseline under and the runner gives the app. */
export const BENCH_AUDIT_KEY = 'qinlian-bench-audit-key-20261125';

/** What a scenario may know about the dataset: who to sign in as and which records to ask for. */
export type Manifest = {
  key: string;
  engine: Engine;
  scale: Scale;
  seed: number;
  seconds: number;
  generatedAt: string;
  counts: { departments: number; people: number; posts: number; users: number; tasks: number; auditEvents: number; demands: number };
  password: string;
  /** username by role */
  users: { admin: string; office: string; head: string; staff: string };
  /** the department head's unit (dept_and_below scope) and the staff member's department */
  head: { departmentId: string; path: string; subtreeDepartments: number; subtreePeople: number };
  staff: { departmentId: string };
  /** null until the tasks module's migration exists */
  tasks: TaskFixture | null;
  /** null without the whereabouts module's tables (an older schema) */
  whereabouts?: WhereaboutsFixture | null;
  /** null without the demands module's tables (an older schema) */
  demands?: DemandFixture | null;
  notes: string[];
};

/** Records the task scenarios ask for; filled by the tasks filler. */
export type TaskFixture = {
  planId: string;
  programmeIds: string[];
  /** a department with many open tasks of every colour */
  busyDepartmentId: string;
  /** open tasks the progress-report scenario writes to, with their versions */
  reportable: { id: string; version: number }[];
  searchTerms: string[];
  counterTables: string[];
};

/** 去向牌: the board the whereabouts scenarios read and the fan-out measurement changes. */
export type WhereaboutsFixture = {
  /** the department under the bench head's unit with the most people on its board */
  departmentId: string;
  /** its door board's public code (GET /api/public/door-boards/:code) */
  code: string;
  boardPeople: number;
  boardAway: number;
  /** an active person on that board, bound to no bench account: the one whose state is changed */
  personId: string;
  /** `whereabouts` rows generated (every away person, some present ones) */
  rows: number;
  doorBoards: number;
};

/** 群众诉求: what the similar-item lookup is asked about. */
export type DemandFixture = {
  count: number;
  /** `demand_words` rows: the postings the lookup reads */
  wordRows: number;
  /** ids spread evenly over the whole collection (every status, every age) */
  sample: string[];
};

/** A migration that only adds or drops indexes changes no data: the app applies it to the copy when it starts. */
const changesData = (source: string) => /createTable|alterTable|dropTable|insertInto|updateTable|deleteFrom|sql`/.test(source);

/** The generator's files and the migrations that shape data: a change in either makes a new dataset. */
export function datasetFingerprint(): string {
  const h = crypto.createHash('sha256');
  const files = [
    'generate.ts',
    ...fs
      .readdirSync(path.join(BENCH_DIR, 'lib'))
      .sort()
      .map((f) => `lib/${f}`),
  ];
  for (const f of files) h.update(f).update(fs.readFileSync(path.join(BENCH_DIR, f)));
  const migrations = path.join(REPO_DIR, 'server/src/platform/db/migrations');
  h.update(
    fs
      .readdirSync(migrations)
      .sort()
      .filter((f) => changesData(fs.readFileSync(path.join(migrations, f), 'utf8')))
      .join('\n'),
  );
  return h.digest('hex').slice(0, 10);
}

export const datasetKey = (engine: Engine, scale: Scale, seed: number) => `${engine}-${scale}-s${seed}-${datasetFingerprint()}`;
