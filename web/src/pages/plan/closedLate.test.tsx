import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { Rollup } from '@qinlian/contracts';
import { changeLanguage } from '../../i18n/index.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { PlanSummary } from './PlanSummary.tsx';
import { PlanTree } from './PlanTree.tsx';
import { ProgrammeCard } from './ProgrammeCard.tsx';

const colours = { none: 2, blue: 1, yellow: 1, red: 0 };
// 4 tasks closed late in the plan: 3 in the programme (2 + 1 in its measures), 1 elsewhere
const rollup = Rollup.parse({
  planId: '0190f0a0-0000-7000-8000-0000000000a1',
  progress: 62.5,
  taskCount: 12,
  colours,
  closedLate: 4,
  programmes: [
    {
      id: '0190f0a0-0000-7000-8000-0000000000b1',
      planId: '0190f0a0-0000-7000-8000-0000000000a1',
      code: 'P1',
      name: '作风提升工程',
      sort: 1,
      weight: 1,
      leaderPersonId: null,
      leaderName: null,
      progress: 70,
      taskCount: 4,
      colours,
      version: 1,
      closedLate: 3,
      measures: [
        {
          id: '0190f0a0-0000-7000-8000-0000000000c1',
          programmeId: '0190f0a0-0000-7000-8000-0000000000b1',
          code: 'M05',
          name: '推行限时办结制',
          sort: 1,
          weight: 1,
          progress: 70,
          taskCount: 4,
          colours,
          version: 1,
          closedLate: 2,
        },
      ],
    },
  ],
});
const labels = { none: '无', blue: '蓝', yellow: '黄', red: '红' };

afterEach(() => changeLanguage('zh-CN'));

describe('逾期办结 on the plan page', () => {
  it('shows the whole plan, each programme and each measure closed late beside their other figures', () => {
    renderWithApp(
      <>
        <PlanSummary rollup={rollup} />
        <ProgrammeCard programme={rollup.programmes[0]!} leaderName={null} labels={labels} />
        <PlanTree rollup={rollup} />
      </>,
    );
    const summary = screen.getByTestId('plan-summary');
    expect(within(summary).getByText('逾期办结')).toBeTruthy();
    expect(screen.getByTestId('plan-closed-late').textContent).toContain('4');
    expect(screen.getByTestId('programme-closed-late').textContent).toBe('逾期办结 3 项');
    const programmeRow = screen.getByTestId('plan-row-programme').closest('tr')!;
    const measureRow = screen.getByTestId('plan-row-measure').closest('tr')!;
    const column = [...screen.getAllByRole('columnheader')].findIndex((h) => h.textContent === '逾期办结');
    expect(column).toBeGreaterThan(-1);
    expect(programmeRow.querySelectorAll('td')[column]!.textContent).toBe('3');
    expect(measureRow.querySelectorAll('td')[column]!.textContent).toBe('2');
  });

  it('names it in English in the English console', async () => {
    await changeLanguage('en-US');
    renderWithApp(<ProgrammeCard programme={rollup.programmes[0]!} leaderName={null} labels={labels} />);
    expect(screen.getByTestId('programme-closed-late').textContent).toBe('3 closed late');
  });
});
