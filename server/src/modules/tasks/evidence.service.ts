import { inTransaction, type Ctx } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { iso } from '../../platform/clock.ts';
import { assertEvidenceType, contentTypeOf } from '../../platform/files/content-type.ts';
import { displayName, evidencePath, filesRepo, removeEvidence, sha256, writeEvidence, type FileRow } from './evidence.repo.ts';
import { tasksRepo } from './tasks.repo.ts';
import { taskEventsRepo } from './task-events.repo.ts';
import { accessOf } from './task-views.service.ts';
import { seeTask } from './tasks.policy.ts';

/**
 * 佐证材料: store an uploaded file under the server's own id and record it (size, the type its bytes
 * show — a declared type that disagrees is a 400, a type off the evidence list (programs, unknown binary) a 415, see platform/files/content-type.ts — SHA-256, uploader). The bytes are on disk before the row commits; a failed commit removes them.
 */
export async function uploadEvidence(
  ctx: Ctx,
  upload: { bytes: Buffer; filename: string; mimetype: string; dataDir: string },
): Promise<FileRow> {
  const mime = await contentTypeOf(upload.bytes, upload.mimetype, ctx.lang);
  assertEvidenceType(mime, upload.bytes, ctx.lang);
  const id = newId();
  const storagePath = await writeEvidence(upload.dataDir, id, upload.bytes);
  try {
    return await inTransaction(ctx, async (tx) => {
      const row: FileRow = {
        id,
        name: displayName(upload.filename),
        mime,
        size: upload.bytes.length,
        sha256: sha256(upload.bytes),
        storagePath,
        uploadedBy: tx.actor!.userId,
        createdAt: iso(tx.clock.now()),
      };
      await filesRepo.insert(tx.db, row);
      await recordAudit(tx, { action: 'file.upload', entityType: 'file', entityId: id, after: row });
      return row;
    });
  } catch (err) {
    await removeEvidence(upload.dataDir, id).catch(() => {});
    throw err;
  }
}

/** A file for download: to its uploader, or to whoever may see a task that references it; 404 otherwise. */
export async function evidenceForDownload(ctx: Ctx, id: string, dataDir: string): Promise<{ row: FileRow; path: string }> {
  const row = await filesRepo.byId(ctx.db, id);
  if (!row) throw notFound();
  const actor = ctx.actor!;
  let allowed = row.uploadedBy === actor.userId;
  if (!allowed) {
    for (const task of await tasksRepo.byIds(ctx.db, await taskEventsRepo.tasksReferencing(ctx.db, id))) {
      if (seeTask(actor, await accessOf(ctx.db, task))) {
        allowed = true;
        break;
      }
    }
  }
  if (!allowed) throw notFound();
  return { row, path: evidencePath(dataDir, row.id) };
}
