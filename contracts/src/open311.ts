import { z } from 'zod';
import { line } from './common.ts';
import { DemandText, PublicPhone } from './demands.ts';

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2/) at /open311/v2, JSON only: the
 * public's demands (群众诉求) for existing Open311 clients. Field names are the specification's
 * (snake_case); docs/open311.md maps them onto demands.
 */

/** Form posts send every field as text and often send the empty ones too: empty means absent. */
const absentIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const coordinate = (limit: number) => absentIfEmpty(z.coerce.number().min(-limit).max(limit));

/** A service: one demand category (分类). */
export const Open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export type Open311Service = z.infer<typeof Open311Service>;
export const Open311ServiceList = z.array(Open311Service);

/** No category asks for extra attributes yet. */
export const Open311ServiceDefinition = z.object({ service_code: z.string(), attributes: z.array(z.never()) });
export type Open311ServiceDefinition = z.infer<typeof Open311ServiceDefinition>;

export const Open311ServiceParams = z.object({ service_code: z.string().max(64) });
export const Open311RequestParams = z.object({ service_request_id: z.string().max(64) });

/** Asked of every endpoint; this server answers for one jurisdiction and ignores it. */
const jurisdiction = { jurisdiction_id: z.string().max(200).optional() };
export const Open311JurisdictionQuery = z.object(jurisdiction);

/** POST /open311/v2/requests.json — form-encoded or JSON; a location (lat + long, or address_string) is required. */
export const Open311RequestBody = z.object({
  ...jurisdiction,
  api_key: z.string().max(200).optional(),
  service_code: line(1, 64),
  lat: coordinate(90),
  long: coordinate(180),
  address_string: absentIfEmpty(line(1, 200)),
  address_id: absentIfEmpty(z.string().max(200)),
  email: absentIfEmpty(z.string().trim().max(200).email()),
  device_id: absentIfEmpty(z.string().max(200)),
  account_id: absentIfEmpty(z.string().max(200)),
  first_name: absentIfEmpty(line(1, 25)),
  last_name: absentIfEmpty(line(1, 25)),
  phone: absentIfEmpty(PublicPhone),
  description: DemandText,
  media_url: absentIfEmpty(z.string().max(2000)),
});
export type Open311RequestBody = z.input<typeof Open311RequestBody>;

/** What a client keeps: the service_request_id is the tracking code (查询码). */
export const Open311RequestReceipt = z.array(
  z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.null() }),
);
export type Open311RequestReceipt = z.infer<typeof Open311RequestReceipt>;

/** GET /open311/v2/requests.json: the filters take comma-separated lists, dates in W3C format with a zone. */
export const Open311RequestQuery = z.object({
  ...jurisdiction,
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(2000).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z
    .string()
    .regex(/^(open|closed)(,(open|closed))*$/)
    .optional(),
});
export type Open311RequestQuery = z.input<typeof Open311RequestQuery>;

/** A service request as any Open311 client reads it: never the submitter's name, phone or e-mail. */
export const Open311ServiceRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string().nullable(),
  service_code: z.string().nullable(),
  description: z.string(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.null(),
  zipcode: z.null(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.null(),
});
export type Open311ServiceRequest = z.infer<typeof Open311ServiceRequest>;
export const Open311ServiceRequestList = z.array(Open311ServiceRequest);

/** Every Open311 error: the HTTP status and what to fix, in the caller's language. */
export const Open311Errors = z.array(z.object({ code: z.number().int(), description: z.string() }));
export type Open311Errors = z.infer<typeof Open311Errors>;
