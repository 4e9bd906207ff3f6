/**
 * 演示数据 — the demo organisation a first start shows: 勤廉新区党工委管委会 with its departments,
 * sections, town-level groups and state-owned companies, about 170 staff with posts (AB岗), four
 * named demo accounts and an account for every post holder. Names, phones and statuses come from a
 * seeded PRNG, so every run makes the same people.
 *
 * Demo accounts — password `Demo@2026`, no forced change at first sign-in:
 *   office     模范机关建设领导小组办公室副主任 — role office (领导小组办公室: reads everything, audit log)
 *   depthead   经济发展局局长                   — role dept_head (manages people of 经济发展局 and its sections)
 *   staff1     经济发展局科员                   — role staff (reads own department)
 *   inspector  纪检监察工委室主任               — role inspector (纪检监察: reads everything, audit, sign-ins)
 *   <code>.<n> every other A or B holder of a post — role staff, so that notices of the tasks on
 *              their posts reach someone who can act (README lists them: `demoPostAccounts`)
 *
 * Everything goes through the services as the system actor, in one transaction, so every record
 * has its audit event. `seedDemo` does nothing when any department exists.
 */
import { AWAY_STATES, type PersonStatus } from '@qinlian/contracts';
import type { Database } from '../platform/db/database.ts';
import { inTransaction, systemActor, type Ctx, type TxCtx } from '../platform/context.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { createDepartment } from '../modules/org/index.ts';
import { createPerson } from '../modules/org/index.ts';
import { createPost } from '../modules/org/index.ts';
import { createAccount, ensureBuiltinRoles } from '../modules/identity/index.ts';
import { recordWhereabouts } from '../modules/whereabouts/index.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { DEMO_DEPARTMENTS, DEMO_ROOT, GIVEN_FEMALE, GIVEN_MALE, PHONE_PREFIXES, SURNAMES, type DemoDepartment } from './demo-org.ts';
import { prng } from './prng.ts';

export const DEMO_PASSWORD = 'Demo@2026';

export type SeedCounts = { departments: number; people: number; posts: number; accounts: number };
export type SeedResult = { seeded: boolean } & SeedCounts;

function demoPeopleMaker(seed = 2026) {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[], bias = 1) => xs[Math.floor(rand() ** bias * xs.length)]!;
  const names = new Set<string>();
  const phones = new Set<string>();
  return {
    name(): string {
      for (;;) {
        const chars = rand() < 0.55 ? GIVEN_MALE : GIVEN_FEMALE;
        const given = rand() < 0.3 ? pick(chars) : pick(chars) + pick(chars);
        const name = pick(SURNAMES, 2) + given;
        if (!names.has(name) && new Set(given).size === given.length) {
          names.add(name);
          return name;
        }
      }
    },
    phone(): string {
      for (;;) {
        const phone = pick(PHONE_PREFIXES) + String(Math.floor(rand() * 1e8)).padStart(8, '0');
        if (!phones.has(phone)) {
          phones.add(phone);
          return phone;
        }
      }
    },
    status(): PersonStatus {
      const r = rand();
      return r < 0.05 ? 'away' : r < 0.06 ? 'left' : 'active';
    },
  };
}

export async function seedCounts(database: Database): Promise<SeedCounts> {
  const count = async (table: 'departments' | 'people' | 'posts' | 'users') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [departments, people, posts, accounts] = await Promise.all([count('departments'), count('people'), count('posts'), count('users')]);
  return { departments, people, posts, accounts };
}

export type Made = { id: string; name: string; title: string; status: PersonStatus };
const DEMO_ACCOUNTS = [
  { username: 'office', role: 'office', department: '模范机关建设领导小组办公室', index: 1 },
  { username: 'depthead', role: 'dept_head', department: '经济发展局', index: 0 },
  { username: 'staff1', role: 'staff', department: '经济发展局', index: 5 },
  { username: 'inspector', role: 'inspector', department: '纪检监察工委', index: 2 },
] as const;

/** The demo organisation, once: nothing happens when any department already exists. */
export async function seedDemo(database: Database, clock: Clock = systemClock): Promise<SeedResult> {
  if ((await seedCounts(database)).departments > 0) return { seeded: false, ...(await seedCounts(database)) };
  const make = demoPeopleMaker();
  const accountHolders = new Set(DEMO_ACCOUNTS.map((a) => `${a.department}#${a.index}`));
  const ctx: Ctx = { actor: systemActor, db: database.db, ip: 'seed', lang: 'zh-CN', clock };
  await inTransaction(ctx, async (tx) => {
    const roles = await ensureBuiltinRoles(tx);
    const root = await createDepartment(tx, { name: DEMO_ROOT.name, kind: DEMO_ROOT.kind, parentId: null });
    const staffOf = new Map<string, Made[]>();

    const addDepartment = async (d: DemoDepartment, parentId: string, sort: number, first: boolean) => {
      const dept = await createDepartment(tx, { name: d.name, kind: d.kind, parentId, sort });
      const titles = [
        d.titles.head,
        d.titles.deputy,
        ...Array.from({ length: d.staff }, (_, i) => d.titles.staff[i % d.titles.staff.length]!),
      ];
      const people: Made[] = [];
      for (const [i, title] of titles.entries()) {
        // The account holders are always at work; one staff member of the first office is away, so B acts.
        let status = make.status();
        if (accountHolders.has(`${d.name}#${i}`)) status = 'active';
        if (first && i === 2) status = 'away';
        const name = make.name();
        const { row } = await createPerson(tx, {
          name,
          phone: make.phone(),
          departmentId: dept.id,
          title,
          status: status === 'left' ? 'left' : 'active',
        });
        // away is a whereabouts (去向牌): out, on a trip, on leave or in training, in turn
        if (status === 'away') await recordWhereabouts(tx, row.id, { state: AWAY_STATES[i % AWAY_STATES.length]! });
        people.push({ id: row.id, name, title, status });
      }
      staffOf.set(d.name, people);
      await addPosts(tx, dept.id, d, people);
      for (const [i, s] of (d.sections ?? []).entries()) await addDepartment(s, dept.id, i + 1, false);
    };
    for (const [i, d] of DEMO_DEPARTMENTS.entries()) await addDepartment(d, root.id, i + 1, i === 0);

    // one hash for every demo account: argon2id costs ~0.1 s apiece, and they share one password anyway
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const open = (username: string, person: Made, role: string) =>
      createAccount(tx, {
        username,
        displayName: person.name,
        personId: person.id,
        roleIds: [roles.get(role)!],
        password: DEMO_PASSWORD,
        passwordHash,
        mustChange: false,
      });
    for (const a of DEMO_ACCOUNTS) await open(a.username, staffOf.get(a.department)![a.index]!, a.role);
    for (const holder of demoPostAccounts(staffOf)) await open(holder.username, holder.person, 'staff');
  });
  return { seeded: true, ...(await seedCounts(database)) };
}

/** The A and B holders of a department's posts (AB岗): each post gets two different people who have not left; the head is kept out of the rotation when there are enough others. */
export function postHolders(d: Pick<DemoDepartment, 'posts'>, people: Made[]): { post: string; a: Made; b: Made }[] {
  const present = people.filter((p) => p.status !== 'left');
  const rotation = present.length >= 3 ? present.slice(1) : present;
  if (rotation.length < 2) return [];
  return d.posts.map((post, i) => {
    const a = rotation[(2 * i + 1) % rotation.length]!;
    let b = rotation[(2 * i + 2) % rotation.length]!;
    if (b.id === a.id) b = rotation[(2 * i + 3) % rotation.length]!;
    return { post: post.name, a, b };
  });
}

async function addPosts(tx: TxCtx, departmentId: string, d: DemoDepartment, people: Made[]) {
  for (const [i, h] of postHolders(d, people).entries())
    await createPost(tx, { departmentId, name: d.posts[i]!.name, duties: d.posts[i]!.duties, aPersonId: h.a.id, bPersonId: h.b.id });
}

/** The login of a post holder: the department's code and the person's place in it (0 = head, 1 = deputy, 2… staff). */
export const postHolderUsername = (d: Pick<DemoDepartment, 'code'>, index: number) => `${d.code}.${index}`;

/**
 * An account for every holder of a post who has none of the named ones, in department order: the
 * departments and people are the seed's own, so the list is the same on every run (the README's).
 */
export function demoPostAccounts(staffOf: Map<string, Made[]>): { username: string; person: Made; department: string }[] {
  const named = new Set(DEMO_ACCOUNTS.map((a) => staffOf.get(a.department)?.[a.index]?.id));
  const out: { username: string; person: Made; department: string }[] = [];
  const walk = (d: DemoDepartment) => {
    const people = staffOf.get(d.name) ?? [];
    for (const h of postHolders(d, people))
      for (const person of [h.a, h.b]) {
        if (named.has(person.id) || out.some((o) => o.person.id === person.id)) continue;
        out.push({ username: postHolderUsername(d, people.indexOf(person)), person, department: d.name });
      }
    for (const s of d.sections ?? []) walk(s);
  };
  for (const d of DEMO_DEPARTMENTS) walk(d);
  return out;
}
