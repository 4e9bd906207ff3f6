import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { freePort, startServer } from '../../test/reliability/server-process.ts';
import { openDatabase } from '../platform/db/database.ts';

describe('qinlian serve with QINLIAN_MAIL_LISTEN_PORT', { timeout: 120_000 }, () => {
  it('takes mailed demands on its SMTP port beside HTTP, and lets go of both when it stops', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-mail-'));
    const port = await freePort();
    const server = await startServer({
      dataDir,
      extra: { QINLIAN_JOBS: 'off', QINLIAN_MAIL_LISTEN_PORT: String(port), QINLIAN_MAIL_DOMAIN: 'xinfang.example.gov.cn' },
    });
    try {
      // the line follows the HTTP banner, which may come a moment after /api/health first answers
      const line = `收信 / mail intake: smtp://127.0.0.1:${port} (@xinfang.example.gov.cn)`;
      for (let i = 0; i < 100 && !server.output().includes(line); i++) await new Promise((r) => setTimeout(r, 50));
      expect(server.output()).toContain(line);
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true });
      const info = await transport.sendMail({
        from: 'a@example.com',
        to: '12345@xinfang.example.gov.cn',
        subject: '路灯不亮',
        text: '东门路灯坏了。',
      });
      expect(info.accepted).toEqual(['12345@xinfang.example.gov.cn']);
      transport.close();
      await server.stop();
      expect(server.child.exitCode).toBe(0);
      await expect(
        nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true, connectionTimeout: 2000 }).verify(),
      ).rejects.toThrow();
      const database = openDatabase({ database: { engine: 'sqlite', file: path.join(dataDir, 'qinlian.db') } });
      const rows = await database.db.selectFrom('demands').select(['title', 'channel']).execute();
      await database.close();
      expect(rows).toEqual([{ title: '路灯不亮', channel: 'email' }]);
    } finally {
      await server.kill9();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
