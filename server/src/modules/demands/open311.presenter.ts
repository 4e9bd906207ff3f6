import type { Lang, Open311RequestReceipt, Open311Service, Open311ServiceRequest } from '@qinlian/contracts';
import type { Ctx } from '../../platform/context.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { formatTrackingCode } from '../../platform/public/tracking-code.ts';
import { cachedDepartmentsBasics } from '../org/index.ts';
import { timersOf } from '../time-limits/index.ts';
import { categoryByName, type DemandCategory } from './demand-categories.ts';
import { STATUS_LABELS } from './demand-status.ts';
import type { DemandRow } from './demands.repo.ts';
import { CLOSED_STATUSES, open311Status, type Open311Item } from './open311.service.ts';

/*
 * What Open311 clients read, field by field. Anyone may call these endpoints, so nothing of the
 * submitter leaves — no name, phone, e-mail, device or account — and of staff only the unit.
 */

const en = (lang: Lang) => lang === 'en-US';

export function presentOpen311Service(category: DemandCategory, keywords: string[], lang: Lang): Open311Service {
  return {
    service_code: category.code,
    service_name: en(lang) ? category.nameEn : category.name,
    description: en(lang) ? category.aboutEn : category.about,
    metadata: false,
    type: 'realtime',
    keywords: keywords.join(','),
    group: en(lang) ? 'Public demands' : '群众诉求',
  };
}

export function presentOpen311Receipt(row: DemandRow, lang: Lang): Open311RequestReceipt {
  const code = formatTrackingCode(row.code);
  const service_notice = en(lang)
    ? `Received. It will be handled and answered within the working-day time limit; follow it with the tracking code ${code}.`
    : `已收到，将在规定的工作日时限内办理并答复；可凭查询码 ${code} 查看办理进度。`;
  return [{ service_request_id: row.code, service_notice, account_id: null }];
}

/** The last day of the time limit (Asia/Shanghai), as the instant it ends. */
const endOfDay = (day: string) => `${day}T23:59:59+08:00`;

export async function presentOpen311Requests(ctx: Ctx, items: Open311Item[]): Promise<Open311ServiceRequest[]> {
  const leads = items.map((i) => i.lead);
  const [units, timers] = await Promise.all([
    cachedDepartmentsBasics(
      ctx.db,
      leads.map((l) => l.departmentId),
    ),
    timersOf(
      ctx.db,
      'public_demand',
      leads.map((l) => l.id),
      shanghaiDate(ctx.clock.now()),
    ),
  ]);
  return items.map(({ own, lead }) => {
    const category = categoryByName(own.category);
    const label = STATUS_LABELS[lead.status];
    const closed = CLOSED_STATUSES.includes(lead.status);
    const due = timers.get(lead.id)?.dueOn;
    return {
      service_request_id: own.code,
      status: open311Status(lead),
      // the department's reply, or why it was not accepted (不予受理)
      status_notes: lead.reply,
      service_name: category ? (en(ctx.lang) ? category.nameEn : category.name) : own.category,
      service_code: category?.code ?? null,
      description: own.body,
      agency_responsible: lead.departmentId ? (units.get(lead.departmentId)?.name ?? null) : null,
      service_notice: label ? (en(ctx.lang) ? label.en : label.zh) : null,
      requested_datetime: own.createdAt,
      updated_datetime: closed && lead.closedAt ? lead.closedAt : [own.updatedAt, lead.updatedAt].sort().at(-1)!,
      expected_datetime: due ? endOfDay(due) : null,
      address: own.address,
      address_id: null,
      zipcode: null,
      lat: own.lat,
      long: own.long,
      media_url: null,
    };
  });
}
