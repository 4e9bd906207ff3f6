import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { z } from 'zod';
import { Desk, Health, Plan, type Permission } from '@qinlian/contracts';
import { ok } from '../../test/fakeApi.ts';
import { signedIn } from '../../test/fixtures.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { DashboardPage } from './DashboardPage.tsx';

const PLAN_ID = '0190f0a0-0000-7000-8000-00000000a001';
const task = (n: number) => `0190f0a0-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`;

const plans = ok(z.object({ items: z.array(Plan) }), {
  items: [
    {
      id: PLAN_ID,
      name: '2026年建设行动',
      year: new Date().getFullYear(),
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      thresholds: {},
      version: 1,
    },
  ],
});
/** 王伟 of 经济发展局, signed in with `permissions`, and the desk the server counts for them. */
const staffWithDesk = (permissions: Permission[], desk: z.input<typeof Desk>) =>
  signedIn(permissions, {
    id: '0190f0a0-0000-7000-8000-00000000b001',
    username: 'staff1',
    name: '王伟',
    departmentName: '经济发展局',
    dataScope: 'dept',
    roles: [{ id: '0190f0a0-0000-7000-8000-00000000c001', code: 'staff', name: '工作人员' }],
  })
    .on('GET', '/api/plans', () => plans)
    .on('GET', '/api/desk', () => ok(Desk, desk));

const month = (m: string, onTime: number, late: number, overdueOpen: number, rate: number | null) => ({
  month: m,
  due: onTime + late + overdueOpen,
  onTime,
  late,
  overdueOpen,
  rate,
});

describe('工作台 · 待办中心', () => {
  it('shows a staff member what waits for them, one click from each item and from the list of each section', async () => {
    const api = staffWithDesk(['tasks.read', 'tasks.handle'], {
      today: '2026-03-20',
      scope: 'departments',
      sections: [
        {
          key: 'accept',
          count: 2,
          overdue: 0,
          link: '/tasks?tab=all&desk=accept',
          items: [
            {
              kind: 'task',
              id: task(1),
              code: 'P1-01-001',
              title: '建立重点项目调度台账',
              dueDate: '2026-03-25',
              overdue: false,
              warning: 'yellow',
              link: `/tasks/${task(1)}`,
            },
            {
              kind: 'task',
              id: task(2),
              code: 'P1-01-002',
              title: '梳理投资进度',
              dueDate: '2026-04-10',
              overdue: false,
              warning: 'none',
              link: `/tasks/${task(2)}`,
            },
          ],
        },
        {
          key: 'report',
          count: 7,
          overdue: 1,
          link: '/tasks?tab=all&desk=report',
          items: [
            {
              kind: 'task',
              id: task(3),
              code: 'P2-03-001',
              title: '优化营商环境',
              dueDate: '2026-03-10',
              overdue: true,
              warning: 'red',
              link: `/tasks/${task(3)}`,
            },
          ],
        },
        {
          key: 'instructionFeedback',
          count: 1,
          overdue: 0,
          link: '/instructions?to=mine&state=awaiting',
          items: [
            {
              kind: 'instruction',
              id: task(4),
              code: null,
              title: '请梳理重大项目投资进度',
              dueDate: '2026-03-27',
              overdue: false,
              warning: null,
              link: '/instructions?to=mine&state=awaiting',
            },
          ],
        },
      ],
      attention: {
        red: 1,
        yellow: 3,
        redLink: '/tasks?tab=all&desk=attention&warning=red',
        yellowLink: '/tasks?tab=all&desk=attention&warning=yellow',
      },
      onTime: { thisMonth: month('2026-03', 1, 0, 1, 50), lastMonth: month('2026-02', 1, 1, 1, 33.3) },
    });
    renderWithApp(<DashboardPage />);

    const accept = await screen.findByTestId('desk-section-accept');
    expect(within(accept).getByText('待签收')).toBeTruthy();
    expect(within(accept).getByTestId('desk-section-link').getAttribute('href')).toBe('/tasks?tab=all&desk=accept');
    expect(within(accept).getByText('建立重点项目调度台账').closest('a')!.getAttribute('href')).toBe(`/tasks/${task(1)}`);
    const report = screen.getByTestId('desk-section-report');
    expect(within(report).getByText('1 项逾期')).toBeTruthy();
    expect(within(report).getByText('另有 6 项')).toBeTruthy();
    expect(within(report).getByText('已逾期（2026-03-10）')).toBeTruthy();
    expect(within(screen.getByTestId('desk-section-instructionFeedback')).getByText('待落实反馈')).toBeTruthy();
    expect(within(screen.getByTestId('desk-attention-red')).getByText('1')).toBeTruthy();
    expect(within(screen.getByTestId('desk-ontime-this')).getByText('50')).toBeTruthy();
    expect(screen.getByTestId('desk-ontime-delta').textContent).toContain('较上月 16.7%');
    expect(screen.queryByTestId('desk-system')).toBeNull(); // not an administrator
    // counted for the plan the task list shows, so the numbers agree with it
    expect(api.calls('GET', '/api/desk').at(-1)!.query.get('planId')).toBe(PLAN_ID);
  });

  it('says when nothing waits, shows a section the console does not know yet by its key, and the system only to administrators', async () => {
    staffWithDesk(['tasks.read', 'roles.manage'], {
      today: '2026-03-20',
      scope: 'all',
      sections: [{ key: 'closeOutReview', count: 0, overdue: 0, link: '/tasks?tab=all&desk=closeOutReview', items: [] }],
      attention: {
        red: 0,
        yellow: 0,
        redLink: '/tasks?tab=all&desk=attention&warning=red',
        yellowLink: '/tasks?tab=all&desk=attention&warning=yellow',
      },
      onTime: { thisMonth: month('2026-03', 0, 0, 0, null), lastMonth: month('2026-02', 0, 0, 0, null) },
    }).on('GET', '/api/health', () => ok(Health, { status: 'ok', db: 'sqlite', version: '0.1.0', runtime: 'v24.11.0' }));
    renderWithApp(<DashboardPage />);
    expect(await screen.findByTestId('desk-empty')).toBeTruthy();
    expect(await within(screen.getByTestId('desk-system')).findByText('运行正常')).toBeTruthy();
    expect(within(screen.getByTestId('desk-ontime-this')).getByText('无到期任务')).toBeTruthy();
    expect(screen.queryByText('在册人员')).toBeNull(); // the organisation's counts are gone from the desk
  });

  it('shows a section it has no title for under its key, as the server sends it', async () => {
    staffWithDesk(['tasks.read', 'tasks.handle'], {
      today: '2026-03-20',
      scope: 'departments',
      sections: [{ key: 'cooperationReport', count: 4, overdue: 0, link: '/tasks?tab=all', items: [] }],
      attention: null,
      onTime: null,
    });
    renderWithApp(<DashboardPage />);
    const section = await screen.findByTestId('desk-section-cooperationReport');
    expect(within(section).getByText('cooperationReport')).toBeTruthy();
    expect(within(section).getByText('全部 4 项')).toBeTruthy();
  });
});
