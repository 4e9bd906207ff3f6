import type { TxCtx } from '../../platform/context.ts';
import { beginAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  formatDocumentNumber,
  isPlausibleYear,
  isWellFormedPrefix,
  parseDocumentNumber,
  type DocumentNumberParts,
} from './document-number.ts';
import { documentNumbersRepo } from './document-numbers.repo.ts';

/**
 * 发文字号 for the modules that issue documents (通报、调度、小结、典型经验). Both ways of getting one
 * run in the caller's transaction and write their audit event there, so a number is given exactly
 * when the document that carries it is written: a rollback gives it back.
 */

export type DocumentNumber = DocumentNumberParts & { id: string; number: string };
/** the record that carries the number, kept beside it so the office can see who holds which */
export type NumberHolder = { entityType: string; entityId: string };

const invalid = (number: string) => new DomainError('document_number_invalid', 400, { number });
const taken = (number: string) => new DomainError('document_number_taken', 409, { number });

/**
 * The next number of the organ's series for the year — 赣新勤廉〔2026〕3号 after 2号 — passing over
 * numbers typed by hand ahead of the sequence.
 */
export async function reserveDocumentNumber(
  tx: TxCtx,
  input: { prefix: string; year: number; holder?: NumberHolder },
): Promise<DocumentNumber> {
  const { prefix, year } = input;
  if (!isWellFormedPrefix(prefix) || !isPlausibleYear(year)) throw invalid(`${prefix}〔${year}〕`);
  return give(tx, { typed: false, holder: input.holder }, async () => {
    let seq = await documentNumbersRepo.takeNext(tx.db, prefix, year);
    // each number typed by hand ahead of the counter is passed over once; there are few
    while (await documentNumbersRepo.isTaken(tx.db, prefix, year, seq)) seq = await documentNumbersRepo.takeNext(tx.db, prefix, year);
    return { prefix, year, seq };
  });
}

/**
 * A number typed by hand (赣新勤廉〔2026〕3号; spaces, [] for 〔〕 and leading zeros are forgiven):
 * 400 when it is no 发文字号, 409 when the number is already given. Either refusal ends the
 * caller's transaction, as any refusal does.
 */
export async function claimDocumentNumber(tx: TxCtx, input: { number: string; holder?: NumberHolder }): Promise<DocumentNumber> {
  const parts = parseDocumentNumber(input.number);
  if (!parts) throw invalid(input.number.trim());
  return give(tx, { typed: true, holder: input.holder }, async () => {
    await documentNumbersRepo.lockSeries(tx.db, parts.prefix, parts.year);
    if (await documentNumbersRepo.isTaken(tx.db, parts.prefix, parts.year, parts.seq)) throw taken(formatDocumentNumber(parts));
    return parts;
  });
}

/**
 * Record the number `pick` settles on, with its audit event. The event's place in the chain is
 * taken first, so this transaction holds the chain head's lock before the series' counter — the
 * order every audited write takes them in — and one that audited other rows before asking for a
 * number queues behind a reservation instead of deadlocking with it. The event's content is filled
 * in once the number is known; write() reads it then.
 */
async function give(
  tx: TxCtx,
  how: { typed: boolean; holder?: NumberHolder },
  pick: () => Promise<DocumentNumberParts>,
): Promise<DocumentNumber> {
  const id = newId();
  const after: Record<string, unknown> = {};
  const action = how.typed ? 'document_number.claim' : 'document_number.reserve';
  const audit = await beginAudit(tx, { action, entityType: 'document_number', entityId: id, after });
  const parts = await pick();
  const row = {
    id,
    ...parts,
    number: formatDocumentNumber(parts),
    typed: how.typed ? 1 : 0,
    entityType: how.holder?.entityType ?? null,
    entityId: how.holder?.entityId ?? null,
    createdAt: iso(tx.clock.now()),
    createdBy: tx.actor && tx.actor.via !== 'system' ? tx.actor.userId : null,
  };
  await documentNumbersRepo.insert(tx.db, row);
  Object.assign(after, row);
  await audit.write();
  return { id, ...parts, number: row.number };
}
