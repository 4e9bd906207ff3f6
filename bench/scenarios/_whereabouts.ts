import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { pgAll, placeholders, sqliteAll } from './_sql.ts';

/**
 * The bare answer of a department's 去向牌 for the baselines: the department's people who have not
 * left, its live posts with their holders, the board rows of those people, and the board put
 * together in plain code (state, posts held, who acts for someone away, posts nobody covers).
 */
const MEMBERS = `SELECT id, name, title, status, photo_file FROM people WHERE department_id = ? AND status <> 'left' ORDER BY created_at, id`;
const POSTS = `SELECT p.id, p.name, p.a_person_id, p.b_person_id, a.name AS a_name, b.name AS b_name
  FROM posts p LEFT JOIN people a ON a.id = p.a_person_id LEFT JOIN people b ON b.id = p.b_person_id
  WHERE p.department_id = ? AND p.archived_at IS NULL`;
const ROWS = (n: number) => `SELECT * FROM whereabouts WHERE person_id IN (${placeholders(n)})`;
export const DEPARTMENT = 'SELECT id, name FROM departments WHERE id = ? AND archived_at IS NULL';
export const BOARD_BY_CODE = `SELECT d.id, d.name FROM door_boards b JOIN departments d ON d.id = b.department_id WHERE b.code = ? AND d.archived_at IS NULL`;

const AWAY = new Set(['out', 'trip', 'leave', 'training']);

function compose(department: { id: string; name: string }, members: any[], posts: any[], rows: any[]) {
  const byPerson = new Map(rows.map((r) => [r.person_id, r]));
  const present = new Set(members.filter((m) => m.status === 'active').map((m) => m.id));
  const people = members.map((m) => {
    const row = byPerson.get(m.id);
    const acting =
      m.status === 'away' ? posts.find((p) => p.a_person_id === m.id && p.b_person_id && present.has(p.b_person_id)) : undefined;
    return {
      personId: m.id,
      name: m.name,
      title: m.title,
      photoUrl: m.photo_file ? `/photos/${m.id}` : null,
      posts: posts.flatMap((p) => [
        ...(p.a_person_id === m.id ? [{ id: p.id, name: p.name, role: 'A' }] : []),
        ...(p.b_person_id === m.id ? [{ id: p.id, name: p.name, role: 'B' }] : []),
      ]),
      state: row?.state ?? 'in_office',
      place: row?.place ?? null,
      expectedReturnAt: row?.expected_return_at ?? null,
      setAt: row?.set_at ?? null,
      version: row?.version ?? 0,
      actingPersonName: acting?.b_name ?? null,
    };
  });
  const away = people.filter((p) => AWAY.has(p.state)).length;
  return {
    departmentId: department.id,
    departmentName: department.name,
    counts: { total: people.length, present: people.length - away, away },
    people,
    uncoveredPosts: posts
      .filter((p) => !present.has(p.a_person_id) && !present.has(p.b_person_id))
      .map((p) => ({ id: p.id, name: p.name, aPersonName: p.a_name, bPersonName: p.b_name })),
  };
}

/** `lookup` finds the department (by id, or by door-board code); null: 404. */
export function sqliteBoard(db: SqliteDatabase.Database, lookup: string, key: string) {
  const department = sqliteAll(db, lookup, [key])[0];
  if (!department) return null;
  const members = sqliteAll(db, MEMBERS, [department.id]);
  const posts = sqliteAll(db, POSTS, [department.id]);
  const rows = members.length
    ? sqliteAll(
        db,
        ROWS(members.length),
        members.map((m) => m.id),
      )
    : [];
  return compose(department, members, posts, rows);
}

export async function pgBoard(pool: pg.Pool, lookup: string, key: string) {
  const department = (await pgAll(pool, lookup, [key]))[0];
  if (!department) return null;
  const [members, posts] = await Promise.all([pgAll(pool, MEMBERS, [department.id]), pgAll(pool, POSTS, [department.id])]);
  const rows = members.length
    ? await pgAll(
        pool,
        ROWS(members.length),
        members.map((m) => m.id),
      )
    : [];
  return compose(department, members, posts, rows);
}
