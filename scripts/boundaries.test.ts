import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The walls of .dependency-cruiser.cjs, tried on small trees laid out like the project: every rule
 * stops the arrow it names, and the arrows the architecture allows pass.
 */
const repo = path.resolve(new URL('..', import.meta.url).pathname);
const scratch: string[] = [];
afterAll(() => {
  for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
});

function cruise(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qinlian-walls-'));
  scratch.push(root);
  fs.copyFileSync(path.join(repo, 'tsconfig.boundaries.json'), path.join(root, 'tsconfig.boundaries.json'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const run = spawnSync(
    path.join(repo, 'node_modules/.bin/depcruise'),
    ['server', 'web', 'contracts', '--config', path.join(repo, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    { cwd: root, encoding: 'utf8' },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

const exported = 'export const x = 1;\n';

describe('the boundary check', () => {
  it('passes the arrows the architecture allows', () => {
    const r = cruise({
      'server/src/modules/org/people.service.ts': exported,
      'server/src/modules/org/index.ts': "export { x } from './people.service.ts';\n",
      'server/src/modules/tasks/tasks.service.ts':
        "import { x } from '../org/index.ts';\nimport { y } from '../../platform/db.ts';\nexport const z = x + y;\n",
      'server/src/platform/db.ts': 'export const y = 2;\n',
      'server/src/seed/demo.ts': "import { x } from '../modules/org/index.ts';\nexport const d = x;\n",
      'web/src/pages/tasks/TaskPage.tsx': "import { w } from '../../domain/tasks/labels.ts';\nexport const t = w;\n",
      'web/src/domain/tasks/labels.ts': "import { c } from '../../../../contracts/src/common.ts';\nexport const w = c;\n",
      'contracts/src/common.ts': 'export const c = 3;\n',
    });
    expect(r.output).not.toContain('error');
    expect(r.status).toBe(0);
  });

  it('fails on each forbidden arrow and names the rule it broke', () => {
    const r = cruise({
      // a tasks file reaching into org's rooms instead of its front door
      'server/src/modules/org/people.service.ts': exported,
      'server/src/modules/org/index.ts': "export { x } from './people.service.ts';\n",
      'server/src/modules/tasks/tasks.service.ts': "import { x } from '../org/people.service.ts';\nexport const t = x;\n",
      // two modules importing each other through their front doors
      'server/src/modules/a/index.ts': "import { b } from '../b/index.ts';\nexport const a = b;\n",
      'server/src/modules/b/index.ts': "import { a } from '../a/index.ts';\nexport const b = () => a;\n",
      // platform reaching into a module
      'server/src/platform/jobs.ts': "import { x } from '../modules/org/index.ts';\nexport const j = x;\n",
      // the CLI past a front door
      'server/src/cli/user.ts': "import { x } from '../modules/org/people.service.ts';\nexport const u = x;\n",
      // one web page importing another, a component importing a page, the web importing the server
      'web/src/pages/board/BoardPage.tsx': "import { p } from '../tasks/TaskPage.tsx';\nexport const b = p;\n",
      'web/src/pages/tasks/TaskPage.tsx': 'export const p = 1;\n',
      'web/src/components/Picker.tsx': "import { p } from '../pages/tasks/TaskPage.tsx';\nexport const c = p;\n",
      'web/src/api/client.ts': "import { x } from '../../../server/src/modules/org/index.ts';\nexport const w = x;\n",
      // contracts importing the project
      'contracts/src/tasks.ts': "import { x } from '../../server/src/modules/org/index.ts';\nexport const k = x;\n",
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(
      /module-front-door: server\/src\/modules\/tasks\/tasks\.service\.ts → server\/src\/modules\/org\/people\.service\.ts/,
    );
    expect(r.output).toMatch(/no-import-loops: server\/src\/modules\/(a|b)\/index\.ts/);
    expect(r.output).toMatch(/platform-not-modules: server\/src\/platform\/jobs\.ts/);
    expect(r.output).toMatch(/outside-through-front-door: server\/src\/cli\/user\.ts → server\/src\/modules\/org\/people\.service\.ts/);
    expect(r.output).toMatch(/page-not-other-page: web\/src\/pages\/board\/BoardPage\.tsx → web\/src\/pages\/tasks\/TaskPage\.tsx/);
    expect(r.output).toMatch(/shared-web-not-pages: web\/src\/components\/Picker\.tsx/);
    expect(r.output).toMatch(/web-not-server: web\/src\/api\/client\.ts/);
    expect(r.output).toMatch(/contracts-standalone: contracts\/src\/tasks\.ts/);
  });
});
