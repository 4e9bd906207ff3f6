import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfficialDocx } from './docx.ts';
import { SAMPLE_BULLETIN, SAMPLE_NUMBER, SAMPLE_SENTENCE, SAMPLE_TITLE } from './official.test-support.ts';

/**
 * A generated bulletin as LibreOffice prints it: converted to PDF headless (soffice, from
 * libreoffice-writer-nogui, with fonts-noto-cjk standing in for the standard's faces), then read
 * back with poppler's pdfinfo and pdftotext. Skipped, saying why, where those are not installed.
 */

const run = promisify(execFile);
const TOOLS = ['soffice', 'pdfinfo', 'pdftotext'];
const installed = (tool: string) =>
  (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, tool), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
const missing = TOOLS.filter((t) => !installed(t));
if (missing.length) {
  console.warn(
    `docx.libreoffice.test.ts skipped: ${missing.join(', ')} not found (apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk)`,
  );
}

/** what is left of a page's text once the spacing LibreOffice puts between CJK characters is gone */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(missing.length > 0)('a generated bulletin printed by LibreOffice', () => {
  let dir: string;
  let pages: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-lo-'));
    const docx = path.join(dir, 'bulletin.docx');
    fs.writeFileSync(docx, await renderOfficialDocx(SAMPLE_BULLETIN));
    // a profile of its own: two runs at once, or a desktop LibreOffice, would otherwise share one and block
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      timeout: 90_000,
      killSignal: 'SIGKILL',
    });
    const pdf = path.join(dir, 'bulletin.pdf');
    const info = (await run('pdfinfo', [pdf])).stdout;
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    pages = await Promise.all(
      Array.from({ length: count }, async (_, i) => (await run('pdftotext', ['-f', `${i + 1}`, '-l', `${i + 1}`, pdf, '-'])).stdout),
    );
  }, 120_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs over six pages, each numbered "— n —" at its foot', () => {
    expect(pages).toHaveLength(6);
    pages.forEach((page, i) => expect(squeeze(page).endsWith(`—${i + 1}—`), `page ${i + 1}: ${page}`).toBe(true));
  });

  it('carries the organ, the document number, the title and the body on the first page', () => {
    const first = squeeze(pages[0]!);
    expect(first.startsWith(`${SAMPLE_BULLETIN.organ}${SAMPLE_NUMBER}${SAMPLE_TITLE}`), first).toBe(true);
    expect(first).toContain(SAMPLE_SENTENCE);
  });

  it('sets a page of body text in 22 lines of at most 28 characters, the full ones exactly 28', () => {
    // page 2 holds only paragraphs; its last line is the page number
    const lines = pages[1]!.split('\n').map(squeeze).filter(Boolean);
    expect(lines.at(-1)).toBe('—2—');
    const body = lines.slice(0, -1);
    expect(body).toHaveLength(22);
    const widths = body.map((l) => [...l].length);
    expect(Math.max(...widths)).toBe(28);
    expect(widths.filter((w) => w === 28).length).toBeGreaterThan(8);
  });

  it('ends with the signature and the date', () => {
    const last = squeeze(pages.at(-1)!);
    expect(last).toContain(`附件：1.逾期事项清单2.领导批示意见${SAMPLE_BULLETIN.organ}2026年10月9日`);
  });
});
