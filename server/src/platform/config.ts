import { z } from 'zod';
import path from 'node:path';
import { Cron } from 'croner';

/** A croner pattern (Asia/Shanghai), checked at boot rather than at the first tick. */
const cronPattern = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine(
      (p) => {
        try {
          new Cron(p, { paused: true }).stop();
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must be a cron pattern, e.g. "5 * * * *"' },
    );

/** The only reader of process.env. Validates everything at boot and names every bad variable. */
const Env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    HOST: z.string().default('0.0.0.0'),
    QINLIAN_DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres:// or sqlite:')
      .optional(),
    QINLIAN_ADMIN_PASSWORD: z.string().optional(),
    QINLIAN_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    QINLIAN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    QINLIAN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
    /** the longest an API token may be issued for, in days (a token without a lifetime gets this one) */
    QINLIAN_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    QINLIAN_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
    QINLIAN_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(102400).default(1024),
    QINLIAN_UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(1024).default(20),
    QINLIAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** a JSON line per request (incoming and completed); off by default — errors (5xx) are logged either way */
    QINLIAN_LOG_REQUESTS: z.enum(['true', 'false']).default('false'),
    QINLIAN_WEB_DIST: z.string().optional(),
    QINLIAN_SEED_DEMO: z.enum(['true', 'false']).default('true'),
    /** which peers may tell us the client's address in X-Forwarded-For: 'loopback' (a proxy on this host), a list of addresses/CIDRs, 'true' (anyone — only behind a proxy that overwrites the header) or 'false' */
    QINLIAN_TRUST_PROXY: z.string().trim().min(1).default('loopback'),
    /** the job loop (warnings, escalations, deliveries) in this process: on, or off for a web-only instance */
    QINLIAN_JOBS: z.enum(['on', 'off']).default('on'),
    /** PostgreSQL: instances keep their caches coherent over LISTEN/NOTIFY; off behind a pooler that cannot LISTEN (PgBouncer transaction mode) — caches then lag up to their TTLs (10–30 s) */
    QINLIAN_CACHE_BUS: z.enum(['on', 'off']).default('on'),
    /** start the server's clock at this instant (demos, browser tests); unset = real time */
    QINLIAN_CLOCK_START: z.string().datetime({ offset: true }).optional(),
    NODE_ENV: z.string().optional(),
    QINLIAN_JOBS_POLL_SECONDS: z.coerce.number().min(0.05).max(3600).default(5),
    /** e-mail over SMTP: smtp://user:pass@host:587 or smtps://…:465 (an admin may set it in the console instead) */
    QINLIAN_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, 'must look like smtp://user:pass@host:587 or smtps://host:465')
      .optional(),
    QINLIAN_SMTP_FROM: z.string().trim().min(3).max(200).optional(),
    /** 邮件收件: the server's own SMTP listener for mailed demands, fed by the organisation's relay (no AUTH); off when unset */
    QINLIAN_MAIL_LISTEN_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    QINLIAN_MAIL_LISTEN_HOST: z.string().trim().min(1).default('127.0.0.1'),
    /** the one recipient domain the listener takes mail for (e.g. 12345.example.gov.cn); any other recipient gets 550 */
    QINLIAN_MAIL_DOMAIN: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain name, e.g. 12345.example.gov.cn')
      .optional(),
    /** seals channel secrets at rest; set it to the same value on every instance (else a key file in the data dir is used) */
    QINLIAN_SECRET_KEY: z.string().min(16, 'at least 16 characters').optional(),
    /** how people reach the console, for links in e-mails and robot messages, e.g. https://qinlian.example.gov.cn */
    QINLIAN_PUBLIC_URL: z.string().url().optional(),
    /** Open311 clients that may post service requests (/open311/v2): their api_keys, comma-separated; unset = anyone may post */
    QINLIAN_OPEN311_API_KEYS: z.string().trim().optional(),
    /** the public API (/api/public): requests per client address, and per device (X-Device-Id), in each window; 0 = no limit */
    QINLIAN_PUBLIC_RATE_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000).default(300),
    QINLIAN_PUBLIC_RATE_PER_DEVICE: z.coerce.number().int().min(0).max(1_000_000).default(60),
    QINLIAN_PUBLIC_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /** 安全校验: public writes an hour from one device / one address before a proof of work is asked for (below a route's hard limit; 0 = never) */
    QINLIAN_PUBLIC_CHALLENGE_PER_DEVICE: z.coerce.number().int().min(0).max(1_000_000).default(5),
    QINLIAN_PUBLIC_CHALLENGE_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000).default(50),
    /** leading zero bits the proof needs: 14 ≈ 16,000 SHA-256 tries, 0.5–2 s in a phone's browser; each bit doubles it */
    QINLIAN_PUBLIC_CHALLENGE_DIFFICULTY: z.coerce.number().int().min(1).max(28).default(14),
    /** live pages (server-sent events): a comment line this often keeps proxies from closing an idle stream */
    QINLIAN_LIVE_HEARTBEAT_SECONDS: z.coerce.number().min(1).max(300).default(15),
    /** XLSX imports (platform/documents/xlsx-limits.ts): the uploaded file, what it may unpack to, the reading worker's heap */
    QINLIAN_IMPORT_MAX_FILE_MB: z.coerce.number().int().min(1).max(1024).default(10),
    QINLIAN_IMPORT_MAX_UNPACKED_MB: z.coerce.number().int().min(1).max(4000).default(100),
    QINLIAN_IMPORT_WORKER_MEMORY_MB: z.coerce.number().int().min(16).max(16384).default(256),
    /** keys the audit chain's MACs and signs its checkpoints; kept outside the database (else `<data dir>/audit.key`, made on first start) */
    QINLIAN_AUDIT_KEY: z.string().min(16, 'at least 16 characters').optional(),
    /** an outside witness that receives every signed audit checkpoint by HTTP POST (JSON) */
    QINLIAN_AUDIT_WITNESS_URL: z.string().url().optional(),
    /** when the audit head is signed (checkpoint), and when the chain and the business rows are verified */
    QINLIAN_AUDIT_CHECKPOINT_CRON: cronPattern('*/10 * * * *'),
    QINLIAN_AUDIT_VERIFY_CRON: cronPattern('40 2 * * *'),
    /** 国密 SM2 private key (64 hex digits) that signs the audit head printed on bulletins; else `<data dir>/audit-sm2.key`, made on first start */
    QINLIAN_SM2_PRIVATE_KEY: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (an SM2 private key)')
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (e.QINLIAN_SMTP_URL && !e.QINLIAN_SMTP_FROM)
      ctx.addIssue({
        code: 'custom',
        path: ['QINLIAN_SMTP_FROM'],
        message: 'required when QINLIAN_SMTP_URL is set, e.g. "勤廉办 <noreply@example.gov.cn>"',
      });
    if (e.QINLIAN_MAIL_LISTEN_PORT && !e.QINLIAN_MAIL_DOMAIN)
      ctx.addIssue({
        code: 'custom',
        path: ['QINLIAN_MAIL_DOMAIN'],
        message: 'required when QINLIAN_MAIL_LISTEN_PORT is set: the domain whose recipients the listener accepts',
      });
  });

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
  /** QINLIAN_CLOCK_START: the server's clock starts here (demos, browser tests); null = real time */
  clockStart: Date | null;
  adminPassword: string | undefined;
  lockout: { attempts: number; minutes: number };
  sessionIdleMinutes: number;
  /** QINLIAN_TOKEN_MAX_DAYS: the longest lifetime of an API token */
  tokenMaxDays: number;
  secureCookies: boolean;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  logLevel: string;
  /** QINLIAN_LOG_REQUESTS: log every request, not only errors */
  logRequests: boolean;
  webDist: string;
  seedDemo: boolean;
  /** Fastify trustProxy: true, false, or a proxy-addr list such as 'loopback, 10.0.0.0/8' */
  trustProxy: boolean | string;
  version: string;
  jobs: { enabled: boolean; pollMs: number };
  /** PostgreSQL only: LISTEN/NOTIFY between instances (platform/db/cache-bus.ts) */
  cacheBus: boolean;
  /** SMTP from the environment; an enabled e-mail channel set by an admin takes precedence */
  smtp: { url: string; from: string } | null;
  /** QINLIAN_MAIL_LISTEN_PORT / _HOST, QINLIAN_MAIL_DOMAIN: the SMTP listener for mailed demands; null = off */
  mailListen: { port: number; host: string; domain: string } | null;
  secretKey: string | undefined;
  publicUrl: string | undefined;
  /** QINLIAN_OPEN311_API_KEYS: the api_keys Open311 clients post with; empty = no key required */
  open311ApiKeys: string[];
  /** rate limits of /api/public (platform/http/public-api.ts); a limit of 0 is off */
  publicApi: { perAddress: number; perDevice: number; windowMs: number };
  /** the proof of work asked of a flooding source (platform/http/flood-challenge.ts): soft thresholds an hour, and its difficulty */
  publicChallenge: { perDevice: number; perAddress: number; difficulty: number };
  /** server-sent events (platform/live/sse.ts) */
  live: { heartbeatMs: number };
  /** XLSX imports: QINLIAN_IMPORT_MAX_FILE_MB, QINLIAN_IMPORT_MAX_UNPACKED_MB, QINLIAN_IMPORT_WORKER_MEMORY_MB */
  imports: { maxFileBytes: number; maxUnpackedBytes: number; workerMemoryMb: number };
  /** the audit chain's key, witness and schedules (platform/audit, modules/audit) */
  audit: {
    key: string | undefined;
    witnessUrl: string | undefined;
    checkpointCron: string;
    verifyCron: string;
    /** QINLIAN_SM2_PRIVATE_KEY: the head-signing key (platform/audit/sm2.ts); unset = the key file in the data dir */
    sm2PrivateKey?: string;
  };
  /** NODE_ENV=test: every response is also checked by zod and the fast serializer held equal to it (platform/http/response-serializer.ts) */
  verifyResponses: boolean;
};

export const VERSION = '0.1.0';

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 / bad configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.QINLIAN_DATA_DIR);
  const url = e.DATABASE_URL;
  const database: Config['database'] =
    url && !url.startsWith('sqlite:')
      ? { engine: 'postgres', url }
      : { engine: 'sqlite', file: url ? path.resolve(url.slice('sqlite:'.length)) : path.join(dataDir, 'qinlian.db') };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    adminPassword: e.QINLIAN_ADMIN_PASSWORD,
    lockout: { attempts: e.QINLIAN_LOCKOUT_ATTEMPTS, minutes: e.QINLIAN_LOCKOUT_MINUTES },
    sessionIdleMinutes: e.QINLIAN_SESSION_IDLE_MINUTES,
    tokenMaxDays: e.QINLIAN_TOKEN_MAX_DAYS,
    secureCookies: e.QINLIAN_SECURE_COOKIES === 'true',
    bodyLimitBytes: e.QINLIAN_BODY_LIMIT_KB * 1024,
    uploadLimitBytes: e.QINLIAN_UPLOAD_LIMIT_MB * 1024 * 1024,
    logLevel: e.QINLIAN_LOG_LEVEL,
    logRequests: e.QINLIAN_LOG_REQUESTS === 'true',
    webDist: path.resolve(e.QINLIAN_WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    seedDemo: e.QINLIAN_SEED_DEMO === 'true',
    trustProxy: e.QINLIAN_TRUST_PROXY === 'true' ? true : e.QINLIAN_TRUST_PROXY === 'false' ? false : e.QINLIAN_TRUST_PROXY,
    version: VERSION,
    clockStart: e.QINLIAN_CLOCK_START ? new Date(e.QINLIAN_CLOCK_START) : null,
    jobs: { enabled: e.QINLIAN_JOBS === 'on', pollMs: Math.round(e.QINLIAN_JOBS_POLL_SECONDS * 1000) },
    cacheBus: e.QINLIAN_CACHE_BUS === 'on',
    smtp: e.QINLIAN_SMTP_URL ? { url: e.QINLIAN_SMTP_URL, from: e.QINLIAN_SMTP_FROM! } : null,
    mailListen: e.QINLIAN_MAIL_LISTEN_PORT
      ? { port: e.QINLIAN_MAIL_LISTEN_PORT, host: e.QINLIAN_MAIL_LISTEN_HOST, domain: e.QINLIAN_MAIL_DOMAIN! }
      : null,
    secretKey: e.QINLIAN_SECRET_KEY,
    publicUrl: e.QINLIAN_PUBLIC_URL?.replace(/\/+$/, ''),
    open311ApiKeys: (e.QINLIAN_OPEN311_API_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    publicApi: {
      perAddress: e.QINLIAN_PUBLIC_RATE_PER_ADDRESS,
      perDevice: e.QINLIAN_PUBLIC_RATE_PER_DEVICE,
      windowMs: e.QINLIAN_PUBLIC_RATE_WINDOW_SECONDS * 1000,
    },
    publicChallenge: {
      perDevice: e.QINLIAN_PUBLIC_CHALLENGE_PER_DEVICE,
      perAddress: e.QINLIAN_PUBLIC_CHALLENGE_PER_ADDRESS,
      difficulty: e.QINLIAN_PUBLIC_CHALLENGE_DIFFICULTY,
    },
    live: { heartbeatMs: Math.round(e.QINLIAN_LIVE_HEARTBEAT_SECONDS * 1000) },
    imports: {
      maxFileBytes: e.QINLIAN_IMPORT_MAX_FILE_MB * 1024 * 1024,
      maxUnpackedBytes: e.QINLIAN_IMPORT_MAX_UNPACKED_MB * 1024 * 1024,
      workerMemoryMb: e.QINLIAN_IMPORT_WORKER_MEMORY_MB,
    },
    audit: {
      key: e.QINLIAN_AUDIT_KEY,
      witnessUrl: e.QINLIAN_AUDIT_WITNESS_URL,
      checkpointCron: e.QINLIAN_AUDIT_CHECKPOINT_CRON,
      verifyCron: e.QINLIAN_AUDIT_VERIFY_CRON,
      sm2PrivateKey: e.QINLIAN_SM2_PRIVATE_KEY,
    },
    verifyResponses: e.NODE_ENV === 'test',
    ...overrides,
  };
}
