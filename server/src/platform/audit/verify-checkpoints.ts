import type { Executor } from '../db/database.ts';
import type { AuditKey } from './key.ts';
import type { AuditTrail } from './trail.ts';
import { checkpointSignedBy, readCheckpointFile, readDbCheckpoints, sameCheckpoint, type Checkpoint } from './checkpoints.ts';

export type GatheredCheckpoints = {
  db: Checkpoint[];
  file: Checkpoint[];
  fileName: string | null;
  fileExists: boolean;
  badLines: number[];
  /** both sources, each checkpoint once, by seq */
  all: Checkpoint[];
};

export async function gatherCheckpoints(db: Executor, trail: AuditTrail | null): Promise<GatheredCheckpoints> {
  const inDb = await readDbCheckpoints(db);
  const file = trail ? readCheckpointFile(trail.checkpointFile) : { exists: false, checkpoints: [], badLines: [] };
  const all = [...inDb];
  for (const c of file.checkpoints) if (!all.some((x) => sameCheckpoint(x, c) && x.signature === c.signature)) all.push(c);
  all.sort((a, b) => a.seq - b.seq);
  return {
    db: inDb,
    file: file.checkpoints,
    fileName: trail?.checkpointFile ?? null,
    fileExists: file.exists,
    badLines: file.badLines,
    all,
  };
}

export type CheckpointProblem = { seq: number | null; reason: string };

/**
 * Hold the chain (its hashes at the checkpoints' rows, and where it ends) to every checkpoint:
 * a checkpoint whose row now has another hash means the chain was rewritten and re-chained at or
 * before that row; one beyond the end means rows were cut off and the head reset.
 */
export function checkCheckpoints(
  g: GatheredCheckpoints,
  chain: { key: AuditKey | null; end: number; hashAt: Map<number, string>; notes: string[] },
): CheckpointProblem | null {
  if (g.badLines.length)
    return {
      seq: null,
      reason: `checkpoint file ${g.fileName} has lines that are not checkpoints (${g.badLines.join(', ')}): it was edited`,
    };
  let unsigned = 0;
  for (const c of g.all) {
    const when = `checkpoint of row ${c.seq} signed at ${c.at}`;
    if (chain.key) {
      const signed = checkpointSignedBy(chain.key, c);
      if (signed === null)
        return { seq: c.seq, reason: `${when} was signed with audit key ${c.keyId}, but the key here is ${chain.key.id}` };
      if (!signed) return { seq: c.seq, reason: `${when} has a bad signature (forged or edited)` };
    } else unsigned++;
    if (c.seq > chain.end)
      return {
        seq: chain.end + 1,
        reason: `${when} covers row ${c.seq}, but the chain ends at row ${chain.end} (rows removed from the end and the head reset)`,
      };
    if (chain.hashAt.get(c.seq) !== c.hash)
      return { seq: c.seq, reason: `the chain at row ${c.seq} no longer matches the ${when} (rows up to it rewritten and re-chained)` };
    if (g.fileExists && g.file.some((f) => sameCheckpoint(f, c)) && !g.db.some((d) => sameCheckpoint(d, c)))
      return { seq: c.seq, reason: `${when} is in the checkpoint file but no longer in the database (removed)` };
  }
  const onlyInDb = g.db.filter((d) => !g.file.some((f) => sameCheckpoint(f, d))).length;
  if (onlyInDb && g.fileName)
    chain.notes.push(
      g.fileExists
        ? `${onlyInDb} 个检查点只在数据库中 / ${onlyInDb} checkpoints are in the database only, not in ${g.fileName}`
        : `检查点文件不存在 / the checkpoint file ${g.fileName} does not exist (${onlyInDb} checkpoints in the database)`,
    );
  if (unsigned)
    chain.notes.push(
      `${unsigned} 个检查点的签名未校验：此处没有审计密钥 / ${unsigned} checkpoint signatures not checked: no audit key here`,
    );
  return null;
}
