/**
 * Dataset generator: fills an empty SQLite file or PostgreSQL database at one of three scales,
 * deterministic from a seed. Migrations, built-in roles and the admin account go through the app's
 * own code; everything else is bulk SQL that keeps the tables' invariants (department paths, AB
 * post holders, the audit hash chain and its head).
 *
 *   npx tsx bench/generate.ts --scale small --engine sqlite --out /tmp/q.db [--seed 20261125]
 *   npx tsx bench/generate.ts --scale area --engine postgres --url postgres://…/db
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import { systemCtx } from '../server/src/bootstrap.ts';
import { fixedClock } from '../server/src/platform/clock.ts';
import { hashPassword } from '../server/src/platform/auth/passwords.ts';
import { AUDIT_ALGORITHM } from '../server/src/platform/audit/audit.ts';
import { createAccount, ensureBuiltinRoles } from '../server/src/modules/identity/access.service.ts';
import { createRng, idFactory } from './lib/prng.ts';
import { postgresSink, sqliteSink, type Sink } from './lib/sink.ts';
import { buildOrg, subtree, type GenDept, type GenPerson, type Org } from './lib/org.ts';
import { auditChain, type AuditChain } from './lib/audit-chain.ts';
import { BENCH_PASSWORD, SCALES, datasetKey, type Manifest, type Scale } from './lib/dataset.ts';
import { fillTasks } from './lib/tasks-fill.ts';
import { fillTaskSearch } from './lib/search-fill.ts';
import { fillWhereabouts } from './lib/whereabouts-fill.ts';
import { fillDemands } from './lib/demands-fill.ts';
import { sealRecords } from './lib/records-baseline.ts';

export type Target = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
export type GenerateOptions = { target: Target; scale: Scale; seed?: number; log?: (line: string) => void };

export const DEFAULT_SEED = 20261125;
const START = Date.parse('2026-01-05T00:30:00Z');
const END = Date.parse('2026-11-20T09:00:00Z');

/** Generate into `target` (an empty database); returns the manifest the scenarios read. */
export async function generateDataset(opts: GenerateOptions): Promise<Manifest> {
  const started = Date.now();
  const print = opts.log ?? ((l: string) => console.log(l));
  const log = (line: string) => print(`${line} [${((Date.now() - started) / 1000).toFixed(1)} s]`);
  const seed = opts.seed ?? DEFAULT_SEED;
  const size = SCALES[opts.scale];
  const rng = createRng(seed);
  const newId = idFactory(rng.fork('ids'), START - 86_400_000);
  const notes: string[] = [];

  // 1. Schema, built-in roles and the admin account through the app itself.
  const database = openDatabase({ database: opts.target.engine === 'sqlite' ? { engine: 'sqlite', file: opts.target.file } : opts.target });
  const clock = fixedClock(new Date(START - 3_600_000));
  try {
    await migrateToLatest(database.db);
    const ctx = systemCtx(database, clock);
    const roles = await ensureBuiltinRoles(ctx);
    await createAccount(ctx, {
      username: 'admin',
      displayName: '系统管理员',
      personId: null,
      roleIds: [roles.get('admin')!],
      password: BENCH_PASSWORD,
      mustChange: false,
    });
  } finally {
    await database.close();
  }

  // 2. Bulk SQL for the rest.
  const sink: Sink = opts.target.engine === 'sqlite' ? await sqliteSink(opts.target.file) : await postgresSink(opts.target.url);
  const roleIds = new Map((await sink.all<{ code: string; id: string }>('SELECT code, id FROM roles')).map((r) => [r.code, r.id]));
  const head = (await sink.all<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1'))[0]!;
  const restoreAuditIndexes = await sink.deferIndexes('audit_events');
  const chain = auditChain(sink, { seq: Number(head.seq), hash: head.hash }, AUDIT_ALGORITHM, {
    startMs: START,
    endMs: END,
    expected: size.audit,
  });

  const org = buildOrg(rng, newId, size);
  log(`  org: ${org.departments.length} departments, ${org.people.length} people, ${org.posts.length} posts`);
  await writeOrg(sink, chain, org);
  const accounts = await writeUsers(sink, chain, org, roleIds, await hashPassword(BENCH_PASSWORD), newId);

  // 3. Tasks, once the tasks module's migration has made its table.
  let tasks: Manifest['tasks'] = null;
  let taskCount = 0;
  if (await sink.hasTable('tasks')) {
    const filled = await fillTasks({
      sink,
      chain,
      rng: rng.fork('tasks'),
      newId,
      org,
      count: size.tasks,
      auditBudget: size.audit,
      adminUserId: accounts.adminId,
      busy: accounts.headDept,
      log,
    });
    await fillTaskSearch(sink, log);
    tasks = filled.fixture;
    taskCount = filled.count;
    notes.push(...filled.notes);
  } else {
    const note = 'tasks: no `tasks` table (the tasks migration has not landed): tasks skipped';
    notes.push(note);
    log(`  ${note}`);
  }

  // 4. 去向牌: the board rows that make the away people away, and the door boards (after the tasks, which stay as they were).
  let whereabouts: Manifest['whereabouts'] = null;
  if (await sink.hasTable('whereabouts')) {
    whereabouts = await fillWhereabouts({
      sink,
      chain,
      rng: rng.fork('whereabouts'),
      newId,
      org,
      headDept: accounts.headDept,
      reserved: accounts.reserved,
    });
    log(`  whereabouts: ${whereabouts.rows} board rows, ${whereabouts.doorBoards} door boards`);
  } else notes.push('whereabouts: no `whereabouts` table (the whereabouts migration has not landed): boards skipped');

  // 5. 群众诉求: the public's demands and their words, what the similar-item lookup (并单候选) searches.
  let demands: Manifest['demands'] = null;
  if (await sink.hasTable('demands')) {
    demands = await fillDemands({ sink, rng: rng.fork('demands'), org, count: size.demands, asOfMs: END, log });
  } else notes.push('demands: no `demands` table (the demands migration has not landed): demands skipped');

  // 6. Fill the audit log up to its size with everyday events (sign-ins, edits).
  await fillAudit(chain, rng.fork('audit'), org, accounts.sample, size.audit);
  await chain.close();
  log(`  audit: ${chain.count} events appended (head at seq ${chain.seq})`);
  await sink.checkpoint();
  log('  rebuilding audit indexes');
  await restoreAuditIndexes();
  await sink.finish();
  const auditEvents = await sealRecords(opts.target, new Date(END), log);

  const headDept = accounts.headDept;
  const headSub = subtree(headDept);
  return {
    key: datasetKey(opts.target.engine, opts.scale, seed),
    engine: opts.target.engine,
    scale: opts.scale,
    seed,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    generatedAt: new Date().toISOString(),
    counts: {
      departments: org.departments.length,
      people: org.people.length,
      posts: org.posts.length,
      users: accounts.count,
      tasks: taskCount,
      auditEvents,
      demands: demands?.count ?? 0,
    },
    password: BENCH_PASSWORD,
    users: { admin: 'admin', office: 'bench_office', head: 'bench_head', staff: 'bench_staff' },
    head: {
      departmentId: headDept.id,
      path: headDept.path,
      subtreeDepartments: headSub.length,
      subtreePeople: headSub.reduce((n, d) => n + (org.peopleByDept.get(d.id)?.length ?? 0), 0),
    },
    staff: { departmentId: accounts.staffDept.id },
    tasks,
    whereabouts,
    demands,
    notes,
  };
}

async function writeOrg(sink: Sink, chain: AuditChain, org: Org) {
  const system = { actorId: null, actorName: '系统' };
  const depts = sink.table('departments', [
    'id',
    'parent_id',
    'name',
    'kind',
    'sort',
    'path',
    'depth',
    'archived_at',
    'version',
    'created_at',
    'updated_at',
  ]);
  for (const d of org.departments) {
    const at = chain.now();
    await depts.push([d.id, d.parentId, d.name, d.kind, d.sort, d.path, d.depth, null, 1, at, at]);
    await chain.append({
      ...system,
      action: 'department.create',
      entityType: 'department',
      entityId: d.id,
      after: { id: d.id, parentId: d.parentId, name: d.name, kind: d.kind, sort: d.sort, path: d.path, depth: d.depth },
    });
  }
  await depts.flush();
  const people = sink.table(
    'people',
    ['id', 'name', 'phone', 'photo_file', 'department_id', 'title', 'status', 'version', 'created_at', 'updated_at'],
    [depts],
  );
  for (const p of org.people) {
    const at = chain.now();
    await people.push([p.id, p.name, p.phone, null, p.departmentId, p.title, p.status, 1, at, at]);
    await chain.append({
      ...system,
      action: 'person.create',
      entityType: 'person',
      entityId: p.id,
      after: { ...p, photoFile: null, version: 1, createdAt: at, updatedAt: at },
    });
  }
  await people.flush();
  const posts = sink.table('posts', [
    'id',
    'department_id',
    'name',
    'duties',
    'a_person_id',
    'b_person_id',
    'archived_at',
    'version',
    'created_at',
    'updated_at',
  ]);
  for (const p of org.posts) {
    const at = chain.now();
    await posts.push([p.id, p.departmentId, p.name, p.duties, p.aPersonId, p.bPersonId, null, 1, at, at]);
    await chain.append({
      ...system,
      action: 'post.create',
      entityType: 'post',
      entityId: p.id,
      after: { ...p, archivedAt: null, version: 1 },
    });
  }
  await posts.flush();
}

/**
 * The bench accounts (office, a department head over the largest unit, staff in one of its
 * sections) and, for realism, an account for every fifth person; one password hash for all.
 */
async function writeUsers(
  sink: Sink,
  chain: AuditChain,
  org: Org,
  roleIds: Map<string, string>,
  passwordHash: string,
  newId: () => string,
) {
  const tops = org.root.children;
  const people = (d: GenDept) => org.peopleByDept.get(d.id) ?? [];
  const subtreePeople = (d: GenDept) => subtree(d).reduce((n, x) => n + people(x).length, 0);
  const officeDept = tops[0]!;
  const headDept = tops.slice(1).reduce((best, d) => (subtreePeople(d) > subtreePeople(best) ? d : best), tops[1] ?? tops[0]!);
  const staffDept = headDept.children.length
    ? headDept.children.reduce((best, d) => (people(d).length > people(best).length ? d : best))
    : headDept;
  const pickPerson = (d: GenDept, index: number) => people(d).filter((p) => p.status === 'active')[index] ?? people(d)[0]!;
  const bench: { username: string; displayName: string; person: GenPerson | null; role: string }[] = [
    { username: 'bench_office', displayName: '', person: pickPerson(officeDept, 1), role: 'office' },
    { username: 'bench_head', displayName: '', person: pickPerson(headDept, 0), role: 'dept_head' },
    { username: 'bench_staff', displayName: '', person: pickPerson(staffDept, staffDept === headDept ? 1 : 0), role: 'staff' },
  ];
  const bound = new Set(bench.map((b) => b.person?.id));
  org.people.forEach((p, i) => {
    if (i % 5 === 4 && !bound.has(p.id) && p.status !== 'left')
      bench.push({ username: `u${String(i).padStart(6, '0')}`, displayName: '', person: p, role: 'staff' });
  });

  const users = sink.table('users', [
    'id',
    'person_id',
    'username',
    'display_name',
    'password_hash',
    'must_change_password',
    'totp_secret',
    'totp_enabled',
    'failed_count',
    'locked_until',
    'disabled',
    'password_changed_at',
    'created_at',
    'updated_at',
  ]);
  const userRoles = sink.table('user_roles', ['user_id', 'role_id'], [users]);
  const sample: { id: string; name: string }[] = [];
  for (const u of bench) {
    const id = newId();
    const at = chain.now();
    const name = u.person?.name ?? u.username;
    await users.push([id, u.person?.id ?? null, u.username, name, passwordHash, 0, null, 0, 0, null, 0, at, at, at]);
    await userRoles.push([id, roleIds.get(u.role)!]);
    await chain.append({
      actorId: null,
      actorName: '系统',
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: { id, personId: u.person?.id ?? null, username: u.username, displayName: name, roleIds: [roleIds.get(u.role)] },
    });
    if (sample.length < 500) sample.push({ id, name });
  }
  await users.flush();
  await userRoles.flush();
  const admin = (await sink.all<{ id: string }>("SELECT id FROM users WHERE username = 'admin'"))[0]!;
  const reserved = new Set(bench.slice(0, 3).flatMap((b) => (b.person ? [b.person.id] : [])));
  return { count: bench.length + 1, sample, adminId: admin.id, headDept, staffDept, reserved };
}

/** Everyday events that fill the log to its size: sign-ins and small edits of people. */
async function fillAudit(
  chain: AuditChain,
  rng: ReturnType<typeof createRng>,
  org: Org,
  users: { id: string; name: string }[],
  target: number,
) {
  const remaining = target - chain.count;
  for (let i = 0; i < remaining; i++) {
    const u = users[rng.int(users.length)]!;
    const ip = `127.0.${rng.int(256)}.${1 + rng.int(254)}`;
    if (rng.chance(0.7)) {
      await chain.append({ actorId: u.id, actorName: u.name, action: 'auth.login', entityType: 'user', entityId: u.id, ip });
    } else {
      const p = org.people[rng.int(org.people.length)]!;
      await chain.append({
        actorId: u.id,
        actorName: u.name,
        action: 'person.update',
        entityType: 'person',
        entityId: p.id,
        before: { title: p.title },
        after: { title: p.title },
        ip,
      });
    }
  }
}

/** The command line. */
async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'small' },
      engine: { type: 'string', default: 'sqlite' },
      out: { type: 'string' },
      url: { type: 'string' },
      seed: { type: 'string' },
      manifest: { type: 'string' },
    },
  });
  const scale = values.scale as Scale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  let target: Target;
  if (values.engine === 'postgres') {
    if (!values.url) throw new Error('--url postgres://… (an empty database) is required for --engine postgres');
    target = { engine: 'postgres', url: values.url };
  } else {
    const file = path.resolve(values.out ?? `bench/.data/${scale}.db`);
    if (fs.existsSync(file)) throw new Error(`${file} exists: the generator fills an empty database`);
    target = { engine: 'sqlite', file };
  }
  console.log(`generating ${scale} on ${target.engine} …`);
  const manifest = await generateDataset({ target, scale, seed: values.seed ? Number(values.seed) : undefined });
  if (values.manifest) fs.writeFileSync(values.manifest, JSON.stringify(manifest, null, 2));
  console.log(`done in ${manifest.seconds} s: ${JSON.stringify(manifest.counts)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
