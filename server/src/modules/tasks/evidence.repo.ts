import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../platform/db/database.ts';
import type { FilesTable } from '../../platform/db/schema.ts';
import { GENERIC_MIME, servedInline } from '../../platform/files/content-type.ts';

/**
 * Evidence files (佐证材料): stored as `<dataDir>/files/evidence/<id>` — the name is the server's
 * id, never the client's file name, which is kept only as a label in the `files` row together
 * with the size, a declared type and the SHA-256 of the bytes.
 */
export type FileRow = FilesTable;

const SAFE_ID = /^[0-9A-Za-z_-]{1,64}$/;

export function evidencePath(dataDir: string, id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`unsafe stored file id: ${JSON.stringify(id)}`);
  const dir = path.resolve(dataDir, 'files', 'evidence');
  const file = path.resolve(dir, id);
  if (path.dirname(file) !== dir) throw new Error('stored file escapes its folder');
  return file;
}

/** Write next to the target, then rename: readers see the whole file or none. */
export async function writeEvidence(dataDir: string, id: string, bytes: Buffer): Promise<string> {
  const file = evidencePath(dataDir, id);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  await fs.promises.writeFile(temp, bytes, { flag: 'wx' });
  await fs.promises.rename(temp, file);
  return `evidence/${id}`;
}

export async function removeEvidence(dataDir: string, id: string): Promise<void> {
  await fs.promises.rm(evidencePath(dataDir, id), { force: true });
}

export const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A label from the client's file name: no folders, no control characters, at most 200 characters. */
export function displayName(clientName: string | undefined): string {
  const base = (clientName ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(-200);
  return clean || 'file';
}

/**
 * How a stored file is served: only the short inline list (images, PDF) as itself; anything else,
 * including rows stored before types were checked by content, as an attachment. Rows written since
 * hold the detected type (platform/files/content-type.ts), so the type here is the bytes' own.
 */
export const servedAs = (stored: string): { mime: string; inline: boolean } => {
  const mime = stored.toLowerCase();
  return servedInline(mime) ? { mime, inline: true } : { mime: GENERIC_MIME, inline: false };
};

/** The files table: the only SQL on it. */
export const filesRepo = {
  insert: (db: Executor, row: FileRow) => db.insertInto('files').values(row).execute(),
  byId: (db: Executor, id: string) => db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst(),
  byIds(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([] as FileRow[]);
    return db
      .selectFrom('files')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
  },
};
