import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { ImportReport } from '@qinlian/contracts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { PlanImportPreview } from './PlanImportPreview.tsx';

const rowOf = (n: number) => screen.getByRole('cell', { name: new RegExp(`^${n}$`) }).closest('tr')!;

describe('PlanImportPreview', () => {
  it('shows every row read with its problems or 通过', () => {
    const report = ImportReport.parse({
      dryRun: true,
      committed: false,
      total: 3,
      created: 0,
      errors: [
        { row: 3, field: '截止日期', message: '日期格式不正确' },
        { row: 3, field: '牵头部门', message: '找不到部门“招商局”' },
      ],
      planRows: [
        { row: 2, programme: 'P1', measure: 'M01', code: 'M01-01', title: '梳理限时办结事项清单' },
        { row: 3, programme: 'P1', measure: 'M01', code: '', title: '编制办事指南' },
        { row: 4, programme: 'P2', measure: 'M19', code: '', title: '' },
      ],
    });
    renderWithApp(<PlanImportPreview report={report} />);
    expect(screen.getByText('2 处错误', { exact: false })).toBeTruthy();
    expect(within(rowOf(2)).getByText('通过')).toBeTruthy();
    expect(within(rowOf(2)).getByText('梳理限时办结事项清单')).toBeTruthy();
    expect(within(rowOf(3)).queryByText('通过')).toBeNull();
    expect(within(rowOf(3)).getByText('日期格式不正确')).toBeTruthy();
    expect(within(rowOf(3)).getByText('找不到部门“招商局”')).toBeTruthy();
    expect(within(rowOf(4)).getByText('（仅工程 / 举措）')).toBeTruthy();
    expect(within(rowOf(4)).getByText('通过')).toBeTruthy();
  });

  it('says all rows pass and how many tasks a clean dry run will add', () => {
    const report = ImportReport.parse({
      dryRun: true,
      committed: false,
      total: 1,
      created: 1,
      errors: [],
      planRows: [{ row: 2, programme: 'P1', measure: 'M01', code: '', title: '一项' }],
    });
    renderWithApp(<PlanImportPreview report={report} />);
    expect(screen.getByText('全部 1 行校验通过，将新增 1 项任务（草稿）。')).toBeTruthy();
  });

  it('still lists the rows with errors when the report describes no rows', () => {
    const report = ImportReport.parse({
      dryRun: true,
      committed: false,
      total: 5,
      created: 0,
      errors: [{ row: 6, field: '任务名称', message: '必填' }],
    });
    renderWithApp(<PlanImportPreview report={report} />);
    expect(within(rowOf(6)).getByText('必填')).toBeTruthy();
  });
});
