import type { DemandChannel, DemandKind, Lang } from '@qinlian/contracts';
import type { Ctx, TxCtx } from '../../platform/context.ts';
import { inGroupCommit } from '../../platform/db/group-commit.ts';
import type { Config } from '../../platform/config.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { iso } from '../../platform/clock.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { keyedDigest, seal } from '../../platform/crypto/sealed.ts';
import { DomainError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { newTrackingCode } from '../../platform/public/tracking-code.ts';
import { assertEvidenceType, contentTypeOf } from '../../platform/files/content-type.ts';
import { stageStoredFile, type StagedFile } from '../../platform/files/files.ts';
import { demandsRepo, type DemandAttachmentRow, type DemandRow, type SolicitationRow } from './demands.repo.ts';
import { suggestRouting } from './demand-routing.ts';
import { indexDemandWords } from './demand-similarity.ts';
import { wordsOf } from './demand-words.ts';

/** The key that seals the submitter's name, phone and e-mail, and where kept files go. */
export type IntakeKeys = Pick<Config, 'secretKey' | 'dataDir'>;

/** What every channel hands in: the web form, a clerk's entry, a mail, an Open311 client. */
export type DemandSubmission = {
  kind: DemandKind;
  channel: DemandChannel;
  solicitationId?: string | null;
  category?: string | null;
  title: string;
  body: string;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  lat?: number | null;
  long?: number | null;
  /** the public form's device id (X-Device-Id): who sent it when no phone or e-mail says so */
  deviceId?: string | null;
};

/** A phone as one person dials it: digits only, without the country code (+86 / 0086). */
const normalisedPhone = (phone: string) =>
  phone
    .replace(/[^\d+]/g, '')
    .replace(/^(\+|00)86(?=\d{11}$)/, '')
    .replace(/^\+/, '');

/**
 * Who sent an item, as a keyed digest only ever compared (the analysis counts distinct submitters):
 * the phone, else the e-mail, else the device; null when none says.
 */
export function submitterKeyOf(keys: IntakeKeys, input: Pick<DemandSubmission, 'phone' | 'email' | 'deviceId'>): string | null {
  const phone = input.phone ? normalisedPhone(input.phone) : '';
  const email = input.email?.trim().toLowerCase();
  const who = phone ? `phone:${phone}` : email ? `email:${email}` : input.deviceId ? `device:${input.deviceId}` : null;
  return who ? keyedDigest(keys, 'demand-submitter', who) : null;
}

/** A file handed in with a submission; its type is decided by its bytes. */
export type DemandUpload = { originalName: string; declaredType: string; bytes: Buffer };

/** 10 MB a file, 5 files a submission: a letter's scan or a few photos, never a dump. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_MAX = 5;

/** A campaign takes suggestions from its first day to its last (Asia/Shanghai), both included. */
export const solicitationOpen = (s: Pick<SolicitationRow, 'opensOn' | 'closesOn'>, now: Date) => {
  const today = shanghaiDate(now);
  return s.opensOn <= today && today <= s.closesOn;
};

export async function typedUploads(files: DemandUpload[], lang: Lang) {
  if (files.length > ATTACHMENTS_MAX) throw new DomainError('demand_too_many_files', 400, { max: ATTACHMENTS_MAX });
  const typed: (DemandUpload & { contentType: string })[] = [];
  for (const f of files) {
    if (f.bytes.length > ATTACHMENT_MAX_BYTES) throw new DomainError('file_too_large', 413);
    const contentType = await contentTypeOf(f.bytes, f.declaredType, lang);
    assertEvidenceType(contentType, f.bytes, lang); // 415: a program renamed .jpg is refused by its bytes
    typed.push({ ...f, contentType });
  }
  return typed;
}

async function solicitationFor(tx: TxCtx, input: DemandSubmission): Promise<SolicitationRow | null> {
  if (!input.solicitationId) return null;
  const s = await demandsRepo.solicitationById(tx.db, input.solicitationId);
  if (!s) throw new DomainError('solicitation_not_found', 404);
  if (input.kind !== 'suggestion') throw new DomainError('solicitation_takes_suggestions', 400);
  if (!solicitationOpen(s, tx.clock.now()))
    throw new DomainError('solicitation_closed', 409, { title: s.title, opensOn: s.opensOn, closesOn: s.closesOn });
  return s;
}

/**
 * 受理登记 — the one door every channel comes in by: a new item with its tracking code, the
 * submitter's personal data sealed, the routing suggestion from its words, its words indexed for
 * the similar-item lookup, its files kept; audited; all in one transaction (shared with the
 * submissions arriving at the same moment: group commit), the files moved into
 * place as its last step (a refused submission leaves nothing behind).
 */
export async function receiveDemand(ctx: Ctx, keys: IntakeKeys, input: DemandSubmission, files: DemandUpload[] = []): Promise<DemandRow> {
  const uploads = await typedUploads(files, ctx.lang);
  const staged: StagedFile[] = [];
  try {
    // a flood of public submissions shares durable commits (platform/db/group-commit.ts)
    return await inGroupCommit(ctx, async (tx) => {
      const solicitation = await solicitationFor(tx, input);
      const now = iso(tx.clock.now());
      const text = `${input.title}\n${input.body}`;
      const words = wordsOf(text); // cut once: the routing suggestion and the similar-item index read the same words
      const route = await suggestRouting(tx.db, text, words);
      const row: DemandRow = {
        id: newId(),
        code: newTrackingCode(),
        kind: input.kind,
        channel: input.channel,
        solicitationId: solicitation?.id ?? null,
        title: input.title,
        body: input.body,
        address: input.address ?? null,
        lat: input.lat ?? null,
        long: input.long ?? null,
        submitterNameSealed: input.name ? seal(keys, input.name) : null,
        phoneSealed: input.phone ? seal(keys, input.phone) : null,
        emailSealed: input.email ? seal(keys, input.email) : null,
        submitterKey: submitterKeyOf(keys, input),
        suggestedCategory: route.category,
        suggestedDepartmentId: route.departmentId,
        category: input.category ?? null,
        departmentId: null,
        urgent: 0,
        status: 'received',
        mergedIntoId: null,
        sentBackCount: 0,
        reopenedCount: 0,
        reply: null,
        repliedAt: null,
        repliedByPersonId: null,
        closedAt: null,
        rating: null,
        ratingComment: null,
        ratedAt: null,
        hiddenReason: null,
        hiddenAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await demandsRepo.insert(tx.db, row);
      await demandsRepo.insertEvent(tx.db, {
        id: newId(),
        demandId: row.id,
        kind: 'received',
        personId: tx.actor?.personId ?? null,
        departmentId: null,
        note: null,
        at: now,
      });
      await indexDemandWords(tx, row, words);
      for (const u of uploads) {
        const attachment: DemandAttachmentRow = {
          id: newId(),
          demandId: row.id,
          fileName: '',
          originalName: u.originalName.slice(0, 200),
          contentType: u.contentType,
          bytes: u.bytes.length,
          createdAt: now,
        };
        attachment.fileName = `${attachment.id}.bin`;
        staged.push(await stageStoredFile(keys.dataDir, 'demands', attachment.fileName, u.bytes));
        await demandsRepo.insertAttachment(tx.db, attachment);
      }
      // sealed columns and the submitter's digest stay out of the audit record's copy: the chain holds no personal data in clear, sealed or digested
      const { submitterNameSealed: _n, phoneSealed: _p, emailSealed: _e, submitterKey: _k, ...audited } = row;
      await recordAudit(tx, { action: 'demand.receive', entityType: 'demand', entityId: row.id, after: audited });
      for (const f of staged) await f.commit();
      return row;
    });
  } catch (e) {
    for (const f of staged) await f.discard();
    throw e;
  }
}
