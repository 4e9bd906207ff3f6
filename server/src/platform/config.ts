import { z } from 'zod';
import path from 'node:path';

/** The only reader of process.env. Validates everything at boot and names every bad variable. */
const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  QINLIAN_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres:// or sqlite:').optional(),
  QINLIAN_ADMIN_PASSWORD: z.string().optional(),
  QINLIAN_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  QINLIAN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  QINLIAN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  QINLIAN_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  QINLIAN_BODY_LIMIT_KB: z.coerce.number().int().min(1).max(102400).default(1024),
  QINLIAN_UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(1024).default(20),
  QINLIAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QINLIAN_WEB_DIST: z.string().optional(),
  QINLIAN_SEED_DEMO: z.enum(['true', 'false']).default('true'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
  adminPassword: string | undefined;
  lockout: { attempts: number; minutes: number };
  sessionIdleMinutes: number;
  secureCookies: boolean;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  logLevel: string;
  webDist: string;
  seedDemo: boolean;
  version: string;
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
  const database: Config['database'] = url && !url.startsWith('sqlite:')
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
    secureCookies: e.QINLIAN_SECURE_COOKIES === 'true',
    bodyLimitBytes: e.QINLIAN_BODY_LIMIT_KB * 1024,
    uploadLimitBytes: e.QINLIAN_UPLOAD_LIMIT_MB * 1024 * 1024,
    logLevel: e.QINLIAN_LOG_LEVEL,
    webDist: path.resolve(e.QINLIAN_WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    seedDemo: e.QINLIAN_SEED_DEMO === 'true',
    version: VERSION,
    ...overrides,
  };
}
