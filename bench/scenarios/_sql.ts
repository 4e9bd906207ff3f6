import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';

/** Tiny helpers for the baseline handlers: one SQL text (with `?`) for both drivers. */
export const toPg = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};
export const sqliteAll = (db: SqliteDatabase.Database, text: string, params: unknown[] = []) => db.prepare(text).all(...params) as any[];
export const pgAll = async (pool: pg.Pool | pg.PoolClient, text: string, params: unknown[] = []) =>
  (await pool.query(toPg(text), params)).rows as any[];
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The page of tasks with the names a list shows, in one statement. */
export const TASK_PAGE_COLUMNS = `t.*, d.name AS lead_department_name, m.name AS measure_name, pr.name AS programme_name, l.name AS leader_name,
  po.name AS post_name, ha.name AS handler_name`;
export const TASK_PAGE_JOINS = `JOIN departments d ON d.id = t.lead_department_id JOIN measures m ON m.id = t.measure_id JOIN programmes pr ON pr.id = t.programme_id
  LEFT JOIN people l ON l.id = t.leader_person_id LEFT JOIN posts po ON po.id = t.responsible_post_id LEFT JOIN people ha ON ha.id = po.a_person_id`;
