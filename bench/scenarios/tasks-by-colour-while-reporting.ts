import { defineScenario, type ClientState } from '../scenario.ts';
import { scenario as list } from './tasks-by-colour.ts';
import { scenario as report } from './progress-report.ts';

/**
 * 边报边查: the unit head's list by colour (45 clients) while 5 clients report progress on tasks of
 * the same unit. Every report commits, so on SQLite the kept list answers (modules/tasks/task-answers.cache.ts)
 * are dropped again and again and each list is put together anew from the items presented once per
 * task version (task-list-items.cache.ts): what the read scenario's figures are worth while people work.
 * The latency figures are of both kinds of request together.
 */
const WRITERS = 5;
const writer = (s: ClientState) => s.client < WRITERS;

export const scenario = defineScenario({
  name: 'tasks-by-colour-while-reporting',
  title: '边报边查 list by colour while reporting',
  measures: `tasks-by-colour on 45 clients while ${WRITERS} clients POST progress reports on the same unit's tasks`,
  role: 'head',
  writes: true,
  needsTasks: true,
  needsRoutes: [...list.needsRoutes!, ...report.needsRoutes!],
  async plan(env) {
    const reads = await list.plan(env);
    const writes = await report.plan(env);
    if (typeof reads === 'string') return reads;
    if (typeof writes === 'string') return writes;
    return {
      app: {
        request: (s) => (writer(s) ? writes.app.request(s) : reads.app.request(s)),
        onResponse: (s, status, body) => {
          if (writer(s)) writes.app.onResponse?.(s, status, body);
        },
        beforeLoad: async () => {
          await writes.app.beforeLoad?.();
        },
      },
      // one POST route in the baseline server: the body says which of the two it is
      baseline: {
        request: (s) => ({
          method: 'POST',
          query: {},
          body: writer(s) ? { report: writes.baseline.request(s).body } : { list: reads.baseline.request(s).query },
        }),
      },
    };
  },
  baseline: {
    method: 'POST',
    sqlite: (db, { body }) =>
      body.report
        ? report.baseline.sqlite(db, { query: {}, body: body.report })
        : list.baseline.sqlite(db, { query: body.list, body: undefined }),
    postgres: (pool, { body }) =>
      body.report
        ? report.baseline.postgres(pool, { query: {}, body: body.report })
        : list.baseline.postgres(pool, { query: body.list, body: undefined }),
  },
});
