import { z } from 'zod';
import { Id, Instant, PageQuery, pageOf } from './common.ts';

export const AuditEvent = z.object({
  seq: z.number().int(),
  at: Instant,
  actorId: Id.nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string(),
  hash: z.string(),
  algorithm: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditQuery = PageQuery.extend({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  q: z.string().max(100).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});
export const AuditPage = pageOf(AuditEvent);

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  algorithm: z.string(),
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;
