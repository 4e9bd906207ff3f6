import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ImportJob } from '@qinlian/contracts';
import { fakeApi, ok } from '../../../test/fakeApi.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { ImportModal } from './ImportModal.tsx';

const JOB = '0190f0a0-0000-7000-8000-0000000000f1';
/** the import polls every half second; a busy test machine renders slowly */
const WAIT = { timeout: 5000 };
const job = (over: Partial<ImportJob>) => ok(ImportJob, { id: JOB, kind: 'people', state: 'reading', done: 0, total: null, ...over });

describe('ImportModal', () => {
  it('shows how far a large import has got, then its report', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    const api = fakeApi()
      .on('POST', '/api/people/import', () => ({ ...job({}), status: 202 }))
      .on('GET', `/api/imports/${JOB}`, async () => {
        asked += 1;
        if (asked === 1) return job({ state: 'reading', done: 2500 });
        await gate;
        return job({
          state: 'done',
          done: 3000,
          total: 3000,
          report: { dryRun: true, committed: false, total: 3000, created: 0, errors: [] },
        });
      });
    const { container } = renderWithApp(<ImportModal open onClose={() => {}} />);
    const input = (container.ownerDocument.querySelector('input[type=file]') as HTMLInputElement)!;
    fireEvent.change(input, { target: { files: [new File(['x'], '人员.xlsx')] } });
    fireEvent.click(await screen.findByTestId('import-preview'));

    expect(await screen.findByText('正在读取文件：已读取 2500 行…', undefined, WAIT)).toBeTruthy();
    const [start] = api.calls('POST', '/api/people/import');
    expect(Object.fromEntries(start!.query)).toEqual({ dryRun: 'true', background: 'true' });
    release();
    expect(await screen.findByText('全部 3000 行校验通过，可以导入。', undefined, WAIT)).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('import-progress')).toBeNull());
  });

  it('shows the error a failed import ends with', async () => {
    fakeApi()
      .on('POST', '/api/people/import', () => ({ ...job({}), status: 202 }))
      .on('GET', `/api/imports/${JOB}`, () =>
        job({
          state: 'failed',
          error: { status: 413, code: 'import_too_large', message: '导入文件解压后超过 100 MB，正常的表格不会这么大' },
        }),
      );
    const { container } = renderWithApp(<ImportModal open onClose={() => {}} />);
    const input = container.ownerDocument.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], '炸弹.xlsx')] } });
    fireEvent.click(await screen.findByTestId('import-preview'));
    expect(await screen.findByText('导入文件解压后超过 100 MB，正常的表格不会这么大', undefined, WAIT)).toBeTruthy();
  });
});
