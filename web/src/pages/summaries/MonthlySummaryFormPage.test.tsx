import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MonthlySummary, MonthlySummaryForm } from '@qinlian/contracts';
import { signedIn } from '../../test/fixtures.ts';
import { fails, ok } from '../../test/fakeApi.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { MonthlySummaryFormPage } from './MonthlySummaryFormPage.tsx';

const DEPT = '0190f0a0-0000-7000-8000-0000000000d1';
const valueOf = (testId: string) => (screen.getByTestId(testId) as HTMLTextAreaElement).value;
const figures = { closed: 2, closedOnTime: 1, onTimeRate: 50, overdue: 1, open: 3, asOf: '2026-02-28' };

const summaryOf = (over: Partial<MonthlySummary> = {}): MonthlySummary =>
  MonthlySummary.parse({
    id: '0190f0a0-0000-7000-8000-0000000000s1',
    month: '2026-02',
    departmentId: DEPT,
    departmentName: '城市管理局',
    status: 'returned',
    dueDate: '2026-03-06',
    late: false,
    figures,
    figuresFrozen: true,
    highlights: '背街小巷整治按期完成',
    problems: '',
    nextPlan: '三月完成渣土车治理',
    returnReason: '请补充整改措施',
    returnCount: 1,
    submittedAt: '2026-03-02T02:00:00.000Z',
    submittedByName: '城管局局长',
    reviewedAt: '2026-03-02T03:00:00.000Z',
    reviewedByName: '办公室',
    documentId: null,
    version: 3,
    abilities: { submit: true, return: false, accept: false },
    ...over,
  });

const formOf = (summary: MonthlySummary | null) =>
  MonthlySummaryForm.parse({
    month: '2026-02',
    departmentId: DEPT,
    departmentName: '城市管理局',
    opensOn: '2026-02-28',
    monthEnded: true,
    dueDate: '2026-03-06',
    figures,
    closedTasks: [
      { code: 'QL-1', title: '背街小巷环境整治', onTime: true },
      { code: 'QL-2', title: '占道经营集中整治', onTime: false },
    ],
    suggestedHighlights: '1. 背街小巷环境整治（QL-1，按期办结）\n2. 占道经营集中整治（QL-2，逾期办结）',
    summary,
    canSubmit: true,
  });

describe('本部门月度小结', () => {
  it('shows the prefilled figures read-only, suggests the highlights and submits the month for the department', async () => {
    const api = signedIn(['summaries.read', 'summaries.submit'], { departmentId: DEPT })
      .on('GET', '/api/summaries/monthly/form', () => ok(MonthlySummaryForm, formOf(null)))
      .on('POST', '/api/summaries/monthly', () => ok(MonthlySummary, summaryOf({ status: 'submitted' })));
    renderWithApp(<MonthlySummaryFormPage />, { path: '/summaries/monthly/form' });

    expect((await screen.findByTestId('summary-figures')).textContent).toContain('50%');
    expect(screen.getByTestId('summary-figure-overdue').textContent).toContain('1');
    expect(valueOf('summary-highlights')).toBe(formOf(null).suggestedHighlights);
    expect(screen.getByText('占道经营集中整治')).toBeTruthy();

    await userEvent.type(screen.getByTestId('summary-next-plan'), '三月完成渣土车治理');
    await userEvent.click(screen.getByTestId('summary-submit'));
    await waitFor(() => expect(api.calls('POST', '/api/summaries/monthly')).toHaveLength(1));
    expect(api.calls('POST', '/api/summaries/monthly')[0]!.body).toEqual({
      month: '2026-02',
      departmentId: DEPT,
      highlights: formOf(null).suggestedHighlights,
      problems: '',
      nextPlan: '三月完成渣土车治理',
    });
  });

  it("shows the office's reason on a returned summary and resubmits it with its version; the server's refusal is shown", async () => {
    const api = signedIn(['summaries.read', 'summaries.submit'], { departmentId: DEPT })
      .on('GET', '/api/summaries/monthly/form', () => ok(MonthlySummaryForm, formOf(summaryOf())))
      .on('POST', '/api/summaries/monthly', () => fails(409, 'version_conflict', '记录已被他人修改，请刷新后重试'));
    renderWithApp(<MonthlySummaryFormPage />, { path: '/summaries/monthly/form?month=2026-02' });

    expect(await screen.findByText('办公室退回：请补充整改措施')).toBeTruthy();
    expect(valueOf('summary-highlights')).toBe('背街小巷整治按期完成');
    await userEvent.click(screen.getByTestId('summary-submit'));
    expect(await screen.findByText('记录已被他人修改，请刷新后重试')).toBeTruthy();
    expect(api.calls('POST', '/api/summaries/monthly')[0]!.body).toMatchObject({ version: 3, highlights: '背街小巷整治按期完成' });
    expect(api.lastQuery('/api/summaries/monthly/form')).toEqual({ month: '2026-02' });
  });

  it('keeps the form closed before the month has ended', async () => {
    signedIn(['summaries.read', 'summaries.submit'], { departmentId: DEPT }).on('GET', '/api/summaries/monthly/form', () =>
      ok(MonthlySummaryForm, { ...formOf(null), month: '2026-03', monthEnded: false, opensOn: '2026-03-31', canSubmit: false }),
    );
    renderWithApp(<MonthlySummaryFormPage />, { path: '/summaries/monthly/form' });
    expect(await screen.findByText('2026年3月的工作尚未结束，2026-03-31（本月最后一个工作日）起可以报送')).toBeTruthy();
    expect(screen.queryByTestId('summary-submit')).toBeNull();
    expect((screen.getByTestId('summary-highlights') as HTMLTextAreaElement).disabled).toBe(true);
  });
});
