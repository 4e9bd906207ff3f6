import fs from 'node:fs';
import path from 'node:path';
import { inTransaction, type Ctx } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';

/**
 * 清理孤儿文件: a stored file is written (to a temp name, then renamed) before the transaction that
 * records it commits, so a crash between the two leaves a `.tmp` file or a file no row names. A
 * daily job per file area removes both once they are older than `graceMs` — well past any upload
 * still on its way to its commit — and says what it removed.
 */
export type SweepReport = { folder: string; removedTemp: string[]; removedOrphans: string[]; kept: number };

export async function sweepStoredFiles(opts: {
  folder: string;
  /** which of these stored names a row still refers to */
  known(names: string[]): Promise<Set<string>>;
  graceMs: number;
  now: Date;
}): Promise<SweepReport> {
  const report: SweepReport = { folder: opts.folder, removedTemp: [], removedOrphans: [], kept: 0 };
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(opts.folder, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return report; // nothing stored yet
    throw err;
  }
  const oldEnough: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    const { mtimeMs } = await fs.promises.stat(path.join(opts.folder, e.name));
    if (opts.now.getTime() - mtimeMs < opts.graceMs) report.kept++;
    else oldEnough.push(e.name);
  }
  const candidates = oldEnough.filter((n) => !n.endsWith('.tmp'));
  const known = new Set<string>();
  for (let i = 0; i < candidates.length; i += 500) for (const n of await opts.known(candidates.slice(i, i + 500))) known.add(n);
  for (const name of oldEnough) {
    const orphan = name.endsWith('.tmp') ? 'temp' : known.has(name) ? null : 'orphan';
    if (!orphan) {
      report.kept++;
      continue;
    }
    await fs.promises.rm(path.join(opts.folder, name), { force: true });
    (orphan === 'temp' ? report.removedTemp : report.removedOrphans).push(name);
  }
  return report;
}

/** A day: no upload takes that long to reach its commit. */
export const SWEEP_GRACE_MS = 86_400_000;

/** A daily sweep of one file area (`<dataDir>/files/<area>`), its removals recorded in the audit chain (`files.sweep`). */
export async function sweepAndRecord(ctx: Ctx, opts: { dataDir: string; area: string; known(names: string[]): Promise<Set<string>> }) {
  const report = await sweepStoredFiles({
    folder: path.resolve(opts.dataDir, 'files', opts.area),
    known: opts.known,
    graceMs: SWEEP_GRACE_MS,
    now: ctx.clock.now(),
  });
  if (report.removedTemp.length + report.removedOrphans.length === 0) return report;
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'files.sweep',
      entityType: 'files',
      entityId: opts.area,
      after: { removedTemp: report.removedTemp, removedOrphans: report.removedOrphans },
    }),
  );
  return report;
}
