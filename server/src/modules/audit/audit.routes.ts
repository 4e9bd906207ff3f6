import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, AuditVerifyResult, type AuditEvent } from '@qinlian/contracts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { requires } from '../../platform/policy/policy.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import { auditRepo } from './audit.repo.ts';
import type { AuditEventsTable } from '../../platform/db/schema.ts';

const parse = (json: string | null) => (json === null ? null : JSON.parse(json));
const SECRET_KEYS = /password|secret|token/i;
/** Secrets never leave the server, even inside audit snapshots. */
const redact = (v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, SECRET_KEYS.test(k) ? '***' : redact(x)]))
    : v;

const presentAuditEvent = (r: AuditEventsTable): AuditEvent => ({
  seq: r.seq,
  at: r.at,
  actorId: r.actorId,
  actorName: r.actorName,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  before: redact(parse(r.beforeJson)),
  after: redact(parse(r.afterJson)),
  ip: r.ip,
  hash: r.hash,
  algorithm: r.algorithm,
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { policy: requires('audit.read') },
      schema: { tags: ['audit'], summary: '审计日志', querystring: AuditQuery, response: { 200: AuditPage } },
    },
    async (req) => {
      const r = await auditRepo.page(ctxOf(req).db, req.query);
      return { items: r.items.map(presentAuditEvent), total: r.total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { policy: requires('audit.read') },
      schema: { tags: ['audit'], summary: '校验审计哈希链', response: { 200: AuditVerifyResult } },
    },
    async (req) => verifyAuditChain(ctxOf(req).db),
  );
};
