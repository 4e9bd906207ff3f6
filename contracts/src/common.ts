import { z } from 'zod';

/** Sortable string id (UUIDv7). */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9a-zA-Z_-]+$/, 'invalid id');
export type Id = z.infer<typeof Id>;

export const IdParams = z.object({ id: Id });

/** Every 4xx/5xx body. `message` is in the caller's language (zh-CN unless Accept-Language: en). */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    allowed: z.array(z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const Ok = z.object({ ok: z.literal(true) });

/** Instants travel as ISO-8601 UTC strings. */
export const Instant = z.string();

/** `runtime` is the Node.js that serves (process.version): a deployer checks it is the supported line. */
export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['sqlite', 'postgres']),
  version: z.string(),
  runtime: z.string(),
});
export type Health = z.infer<typeof Health>;

/**
 * One line of text (a name, a title, a search term): trimmed, no control characters — PostgreSQL
 * cannot store NUL at all, and none of these has a reason to carry one, or a line break.
 */
export const line = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'control characters');

/** Free text (duties, statements, reasons, instructions): trimmed, line breaks allowed, NUL not. */
export const prose = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'NUL');
