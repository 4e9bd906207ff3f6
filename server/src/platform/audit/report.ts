import type { AuditCheck, RecordProblem } from './verify-records.ts';
import type { ChainCheck } from './verify.ts';

/** One finding as people read it, both languages on one line (the CLI, the alarm, the audit event). */
export function describeProblem(p: RecordProblem): string {
  const last = p.seq === null ? '' : ` (last audit event: row ${p.seq})`;
  if (p.kind === 'added')
    return p.seq === null
      ? `${p.table} ${p.id}: 无审计记录的新增行 / added outside the app (no audit event wrote it)`
      : `${p.table} ${p.id}: 审计记录已删除却仍存在 / present although its last audit event removed it${last}`;
  if (p.kind === 'removed') return `${p.table} ${p.id}: 行被删除 / removed outside the app${last}`;
  return `${p.table} ${p.id}: 被改动 / changed outside the app: ${p.columns.join(', ')}${last}`;
}

export function describeChain(c: ChainCheck): string {
  if (!c.ok)
    return c.firstBadSeq === null
      ? `审计链被篡改 / audit chain broken: ${c.reason}`
      : `审计链被篡改 / audit chain broken at row ${c.firstBadSeq}: ${c.reason}`;
  return `审计链完整 / audit chain intact: ${c.checked} rows, ${c.algorithm}; ${c.macsChecked} MACs checked; ${c.checkpoints} checkpoints held`;
}

/** The verdict in lines: first the chain, then (when asked) the records, then notes. */
export function describeAuditCheck(check: AuditCheck): { ok: boolean; lines: string[] } {
  const lines = [describeChain(check.chain)];
  const r = check.records;
  if (r) {
    if (r.ok) lines.push(`业务数据与审计一致 / business rows match the audit log: ${r.rows} rows`);
    else {
      lines.push(
        `业务数据与审计不符 / business rows do not match the audit log: ${r.problems.length + r.more} of ${r.rows} rows (tables, ids, what differs below)`,
      );
      if (r.rebaselinedAt !== null)
        lines.push(
          `  第 ${r.rebaselinedAt} 行对已封印的表重新建立了封印基线 / a records baseline was taken again at row ${r.rebaselinedAt} for rows already sealed (audit_head.records_sealed_from was cleared)`,
        );
      for (const p of r.problems) lines.push(`  ${describeProblem(p)}`);
      if (r.more) lines.push(`  … 另有 ${r.more} 行 / … and ${r.more} more`);
    }
  } else if (check.records === null && !check.chain.ok) {
    lines.push('业务数据未核对：审计链不可信 / business rows not checked: the chain itself does not verify');
  }
  for (const n of check.chain.notes) lines.push(`注 / note: ${n}`);
  return { ok: check.chain.ok && (r === null ? true : r.ok), lines };
}
