import os from 'node:os';
import crypto from 'node:crypto';
import { VERSION, type Config } from '../platform/config.ts';
import { startingClock, systemClock } from '../platform/clock.ts';
import { prepareDatabase, seedDemoWhenAsked, systemCtx } from '../bootstrap.ts';
import { takeCheckpoint } from '../modules/audit/index.ts';
import { auditTrailFor } from '../platform/audit/trail.ts';
import { buildApp } from '../app.ts';
import { startJobLoop, type JobLoop } from '../platform/jobs/runner.ts';
import { jobDefinitions } from '../modules/index.ts';
import { listenForDemandMail } from '../modules/demands/index.ts';
import type { InboundMailListener } from '../platform/mail/inbound.ts';
import { startCacheBus, type CacheBus } from '../platform/db/cache-bus.ts';
import { refreshPlannerStatistics } from '../platform/db/planner-statistics.ts';
import { liveHub } from '../platform/live/hub.ts';
import { pgLiveTransport } from '../platform/live/pg-transport.ts';
import { writePidFile } from './sqlite-file.ts';
import { serveBanner } from './serve-banner.ts';

/**
 * Migrate, make the first admin, seed the demo when asked, serve API and web, and run the job loop (unless QINLIAN_JOBS=off).
 * On SQLite the process id goes to `<data dir>/qinlian.pid` while it runs, so `restore` can tell
 * the server is up. With QINLIAN_MAIL_LISTEN_PORT set it also takes mailed demands over SMTP.
 * SIGINT/SIGTERM stop the mail listener (after the messages in hand) and the job loop (after the
 * job in hand), then the server.
 */
export async function serveCommand(config: Config) {
  const clock = config.clockStart ? startingClock(config.clockStart) : systemClock;
  const database = await prepareDatabase(config, console.log, clock);
  await seedDemoWhenAsked(database, config, console.log, clock);
  await refreshPlannerStatistics(database.db, database.engine, { atStartUp: true });
  const app = await buildApp({ config, database, clock });
  const removePid = database.engine === 'sqlite' ? writePidFile(config) : () => {};
  let jobs: JobLoop | null = null;
  let mail: InboundMailListener | null = null;
  // instances on one PostgreSQL tell each other which caches a commit made stale, and pass on live events (LISTEN/NOTIFY)
  const crossInstance = config.database.engine === 'postgres' && config.cacheBus ? config.database.url : null;
  const instanceLog = (level: 'info' | 'warn', msg: string) => app.log[level](msg);
  const cacheBus: CacheBus | null = crossInstance ? await startCacheBus(crossInstance, instanceLog) : null;
  if (crossInstance) await liveHub.useTransport(pgLiveTransport(crossInstance, instanceLog));
  app.addHook('onClose', async () => {
    await Promise.all([mail?.close(), jobs?.stop(), cacheBus?.close(), crossInstance ? liveHub.close() : null]);
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      // rows written since the last scheduled checkpoint are signed too, so a clean stop leaves no unsigned tail
      await takeCheckpoint(systemCtx(database, clock), auditTrailFor(config, { create: false }), 'stop').catch((e: Error) =>
        console.error(`停止时未能签署审计检查点 / no audit checkpoint at stop: ${e.message}`),
      );
      await app.close();
      await database.close();
    } finally {
      removePid();
      process.exit(0);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('exit', removePid);
  await app.listen({ port: config.port, host: config.host });
  mail = await listenForDemandMail({ config, db: database.db, clock, log: (level, msg, extra) => app.log[level](extra ?? {}, msg) });
  if (config.jobs.enabled) {
    const instanceId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
    jobs = startJobLoop(
      {
        db: database.db,
        engine: database.engine,
        clock,
        config,
        jobs: jobDefinitions,
        log: (level, msg, extra) => app.log[level](extra ?? {}, msg),
      },
      { instanceId, pollMs: config.jobs.pollMs },
    );
  }
  console.log(
    serveBanner({
      version: VERSION,
      engine: database.engine,
      jobs: config.jobs.enabled,
      host: config.host,
      bound: app.addresses().filter((a) => typeof a !== 'string'),
    }),
  );
  if (mail) console.log(`收信 / mail intake: smtp://${mail.host}:${mail.port} (@${config.mailListen!.domain})`);
}
