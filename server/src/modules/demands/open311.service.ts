import crypto from 'node:crypto';
import type { Open311RequestBody, Open311RequestQuery } from '@qinlian/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import { DomainError } from '../../platform/errors.ts';
import { normalizeTrackingCode } from '../../platform/public/tracking-code.ts';
import { receiveDemand, type IntakeKeys } from './demand-intake.service.ts';
import { categoryByCode, DEMAND_CATEGORIES } from './demand-categories.ts';
import { routingRulesRepo } from './demand-routing-rules.repo.ts';
import { demandsRepo, type DemandRow } from './demands.repo.ts';

/*
 * Open311 GeoReport v2: existing Open311 clients file demands (群众诉求) and follow them. A service is a
 * demand category; a service request is a demand, its service_request_id the tracking code (查询码).
 * What leaves is in open311.presenter.ts; docs/open311.md maps the fields.
 */

export type Open311Keys = IntakeKeys & Pick<Config, 'open311ApiKeys'>;

/** Statuses that Open311 calls closed: answered and closed (已办结), or not accepted (不予受理). */
export const CLOSED_STATUSES = ['closed', 'rejected'];
const OPEN_STATUSES = ['received', 'accepted', 'dispatched', 'handling', 'replied'];
/** The specification's default window and longest range for GET requests, and its page. */
export const REQUEST_WINDOW_DAYS = 90;
export const REQUESTS_MAX = 1000;
const DAY_MS = 86_400_000;

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

/** Where keys are configured, posting needs one of them (compared in constant time); 403 otherwise. */
export function assertOpen311ApiKey(keys: Open311Keys, given: unknown) {
  if (keys.open311ApiKeys.length === 0) return;
  const offered = digest(typeof given === 'string' ? given : '');
  if (!keys.open311ApiKeys.some((k) => crypto.timingSafeEqual(digest(k), offered))) throw new DomainError('open311_api_key_invalid', 403);
}

/** The categories as services, each with the keywords the office's routing rules give it. */
export async function open311Services(ctx: Ctx) {
  const keywords = new Map<string, string[]>();
  for (const rule of await routingRulesRepo.all(ctx.db))
    keywords.set(rule.category, [...(keywords.get(rule.category) ?? []), rule.keyword]);
  return DEMAND_CATEGORIES.map((category) => ({ category, keywords: keywords.get(category.name) ?? [] }));
}

export function open311Service(code: string) {
  const category = categoryByCode(code);
  if (!category) throw new DomainError('open311_service_not_found', 404, { code: code.slice(0, 64) });
  return category;
}

/** "张" + "三" → 张三; "John" + "Smith" → John Smith. */
function fullName(first: string | undefined, last: string | undefined): string | null {
  const parts = [first, last].filter((p): p is string => !!p);
  if (parts.length === 0) return null;
  return parts.every((p) => /^\p{Script=Han}+$/u.test(p)) ? [last, first].filter(Boolean).join('') : parts.join(' ');
}

/**
 * POST requests: a demand through the one intake door, channel open311, its category the service's
 * name, its title the description's first line. A location is required: both lat and long, or an
 * address. device_id, account_id and media_url are not kept (no fetching of outside media).
 */
export async function fileOpen311Request(ctx: Ctx, keys: Open311Keys, body: z.output<typeof Open311RequestBody>): Promise<DemandRow> {
  const category = open311Service(body.service_code);
  const hasPoint = body.lat !== undefined && body.long !== undefined;
  if (body.lat !== undefined || body.long !== undefined ? !hasPoint : !body.address_string)
    throw new DomainError('open311_location_required', 400);
  const firstLine = body.description.split('\n')[0]!.trim();
  return receiveDemand(ctx, keys, {
    kind: 'demand',
    channel: 'open311',
    category: category.name,
    title: [...firstLine].slice(0, 100).join(''),
    body: body.description,
    lat: body.lat ?? null,
    long: body.long ?? null,
    address: body.address_string ?? null,
    name: fullName(body.first_name, body.last_name),
    phone: body.phone ?? null,
    email: body.email ?? null,
  });
}

/** A service request and the item that answers for it: the one it was merged into (并单), or itself. */
export type Open311Item = { own: DemandRow; lead: DemandRow };

export const open311Status = (lead: Pick<DemandRow, 'status'>) => (CLOSED_STATUSES.includes(lead.status) ? 'closed' : 'open');

async function withLeads(ctx: Ctx, rows: DemandRow[]): Promise<Open311Item[]> {
  const leads = new Map(
    (
      await demandsRepo.byIds(
        ctx.db,
        rows.flatMap((r) => r.mergedIntoId ?? []),
      )
    ).map((r) => [r.id, r]),
  );
  return rows.map((own) => ({ own, lead: (own.mergedIntoId && leads.get(own.mergedIntoId)) || own }));
}

/** A comma-separated parameter's values; none (absent or blank) is no filter. */
function list(s: string | undefined): string[] | undefined {
  const values = (s ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length ? values : undefined;
}

/**
 * GET requests: by tracking codes (which override every other filter), else received within
 * start_date…end_date (by default the last 90 days; never a longer range), of the given services and
 * statuses; newest first, at most 1,000. Hidden items are never listed.
 */
export async function open311Requests(ctx: Ctx, q: z.output<typeof Open311RequestQuery>): Promise<Open311Item[]> {
  const codes = list(q.service_request_id)?.map((c) => normalizeTrackingCode(c) ?? '');
  const now = ctx.clock.now().getTime();
  const to = q.end_date
    ? Date.parse(q.end_date)
    : q.start_date
      ? Math.min(now, Date.parse(q.start_date) + REQUEST_WINDOW_DAYS * DAY_MS)
      : now;
  const from = q.start_date ? Date.parse(q.start_date) : to - REQUEST_WINDOW_DAYS * DAY_MS;
  if (!codes && (from > to || to - from > REQUEST_WINDOW_DAYS * DAY_MS))
    throw new DomainError('open311_date_range', 400, { days: REQUEST_WINDOW_DAYS });
  const statuses = new Set(list(q.status));
  const only = !codes && statuses.size === 1 ? (statuses.has('closed') ? 'closed' : 'open') : null;
  const rows = await demandsRepo.open311Requests(
    ctx.db,
    {
      codes: codes?.filter(Boolean),
      categories: list(q.service_code)?.flatMap((c) => categoryByCode(c)?.name ?? []),
      // a merged item answers with the item it joined: its own status is narrowed below, once that one is known
      statuses: only === null ? undefined : [...(only === 'closed' ? CLOSED_STATUSES : OPEN_STATUSES)],
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
    },
    REQUESTS_MAX,
  );
  const items = await withLeads(ctx, rows);
  return only === null ? items : items.filter((i) => open311Status(i.lead) === only);
}

/**
 * GET requests/{id}: the demand behind a tracking code, unless hidden (a suggestion for a campaign is
 * not a service request); a malformed code is as unknown as a missing one.
 */
export async function open311Request(ctx: Ctx, id: string): Promise<Open311Item> {
  const code = normalizeTrackingCode(id);
  const row = code ? await demandsRepo.byCode(ctx.db, code) : undefined;
  if (!row || row.kind !== 'demand' || row.hiddenAt !== null) throw new DomainError('open311_request_not_found', 404);
  return (await withLeads(ctx, [row]))[0]!;
}
