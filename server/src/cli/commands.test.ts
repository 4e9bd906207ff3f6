import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type TestApp } from '../../test/harness.ts';
import { runCli } from '../../test/cli.ts';
import { systemCtx } from '../bootstrap.ts';
import { createAccount } from '../modules/identity/access.service.ts';

// Each case runs the real CLI in child processes: generous time for a loaded machine.
const SLOW = { timeout: 180_000 };

describe('qinlian --help', SLOW, () => {
  it('lists every command', async () => {
    const run = await runCli(['--help'], {});
    expect(run.code).toBe(0);
    for (const command of ['serve', 'migrate', 'seed', 'import', 'backup', 'restore', 'audit', 'user']) {
      expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
    expect(run.stdout).toContain('audit verify');
    const audit = await runCli(['audit', '--help'], {});
    expect(audit.stdout).toMatch(/^\s+verify\b/m);
    const user = await runCli(['user', '--help'], {});
    expect(user.stdout).toMatch(/^\s+create .*<username>/m);
    expect(user.stdout).toMatch(/^\s+reset-password .*<username>/m);
  });
});

describe('qinlian user and audit verify on SQLite', SLOW, () => {
  let t: TestApp;
  const env = () => ({ QINLIAN_DATA_DIR: t.config.dataDir });
  const passwordIn = (stdout: string) => /\(shown once\): (\S+)/.exec(stdout)?.[1];
  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('user create prints a one-time password that signs in through the API and must be changed', async () => {
    const run = await runCli(['user', 'create', 'zhangwei', '--name', '张伟', '--role', 'office'], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const password = passwordIn(run.stdout);
    expect(password).toBeTruthy();
    const session = await signIn(t.app, 'zhangwei', password!);
    const me = await session.request({ method: 'GET', url: '/api/auth/session' });
    expect(me.json().user.name).toBe('张伟');
    expect(me.json().user.mustChangePassword).toBe(true);
    expect(me.json().user.permissions).toContain('audit.read');

    // written through the identity service: the system actor's audit record is on the chain
    const events = await t.admin.request({ method: 'GET', url: '/api/audit?action=user.create&pageSize=50' });
    expect(events.statusCode).toBe(200);
    expect(JSON.stringify(events.json())).toContain('zhangwei');
    const row = await t.db.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('afterJson', 'like', '%"zhangwei"%')
      .executeTakeFirst();
    expect(row?.ip).toBe('cli');
    expect(row?.actorName).toBe('系统');
    expect(row?.afterJson).toContain('zhangwei');
  });

  it('user create refuses a duplicate name and an unknown role with exit code 1, and takes --role, --password, --no-must-change', async () => {
    await createAccount(systemCtx(t.db), {
      username: 'zhaoliu',
      displayName: '赵六',
      personId: null,
      roleIds: [],
      password: 'Zhaoliu@2026',
      mustChange: false,
    });
    const dup = await runCli(['user', 'create', 'zhaoliu', '--name', '又一个'], env());
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('already exists');
    const role = await runCli(['user', 'create', 'lisi', '--name', '李四', '--role', 'emperor'], env());
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('no role "emperor"');
    // the same name with a role that exists, a chosen password and no forced change
    const ok = await runCli(
      ['user', 'create', 'lisi', '--name', '李四', '--role', 'staff,inspector', '--password', 'Lisi@2026x', '--no-must-change'],
      env(),
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain('shown once');
    const res = await login('lisi', 'Lisi@2026x');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(false);
    expect(res.json().user.permissions).toContain('signins.read');
  });

  it('user reset-password prints a temporary password; the old one stops working', async () => {
    await createAccount(systemCtx(t.db), {
      username: 'wangfang',
      displayName: '王芳',
      personId: null,
      roleIds: [],
      password: 'Chushi@2026',
      mustChange: false,
    });
    expect((await login('wangfang', 'Chushi@2026')).statusCode).toBe(200);
    const reset = await runCli(['user', 'reset-password', 'wangfang'], env());
    expect(reset.code).toBe(0);
    const temporary = passwordIn(reset.stdout)!;
    expect((await login('wangfang', 'Chushi@2026')).statusCode).toBe(401);
    const ok = await login('wangfang', temporary);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(true);
    const missing = await runCli(['user', 'reset-password', 'nobody'], env());
    expect(missing.code).toBe(1);
  });

  it('audit verify exits 0 on an intact chain and 1 after a row is changed with SQL', async () => {
    // a database of its own: the tampering must not break the chain under the other cases
    const own = await startTestApp('sqlite');
    try {
      const ownEnv = { QINLIAN_DATA_DIR: own.config.dataDir };
      await createAccount(systemCtx(own.db), {
        username: 'chenjing',
        displayName: '陈静',
        personId: null,
        roleIds: [],
        password: 'Chenjing@2026',
        mustChange: false,
      });
      const intact = await runCli(['audit', 'verify'], ownEnv);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/audit chain intact: \d+ rows/);

      const raw = new SqliteDatabase(own.config.database.engine === 'sqlite' ? own.config.database.file : '');
      const changed = raw
        .prepare(
          `update audit_events set after_json = replace(after_json, 'chenjing', 'chenjin') where action = 'user.create' and after_json like '%"chenjing"%'`,
        )
        .run();
      const seq = (
        raw.prepare(`select seq from audit_events where action = 'user.create' and after_json like '%"chenjin"%'`).get() as { seq: number }
      ).seq;
      raw.close();
      expect(changed.changes).toBe(1);
      const broken = await runCli(['audit', 'verify'], ownEnv);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain(`broken at row ${seq}`);
    } finally {
      await own.close();
    }
  });
});
