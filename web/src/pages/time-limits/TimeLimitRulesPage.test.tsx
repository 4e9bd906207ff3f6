import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TimeLimitKind, TimeLimitRule, TimeLimitRuleList } from '@qinlian/contracts';
import { fails, fakeApi, ok } from '../../test/fakeApi.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { TimeLimitRulesPage } from './TimeLimitRulesPage.tsx';

const DAYS = { enquiry: 3, task: 10, public_demand: 5, rectification: 15, bad_review: 5 };
const rules = (manage: boolean) =>
  TimeLimitKind.options.map((kind) => ({
    kind,
    workingDays: DAYS[kind],
    updatedAt: '2026-12-07T00:00:00.000Z',
    updatedBy: null,
    abilities: { manage },
  }));

describe('办结时限 page', () => {
  it('lists every kind with its working days, and offers no edit to those who may not change them', async () => {
    fakeApi().on('GET', '/api/time-limits', () => ok(TimeLimitRuleList, { items: rules(false) }));
    renderWithApp(<TimeLimitRulesPage />);
    expect((await screen.findByTestId('time-limit-days-enquiry')).textContent).toBe('3 个工作日');
    expect(screen.getByTestId('time-limit-days-rectification').textContent).toBe('15 个工作日');
    expect(screen.getByText('差评处理')).toBeTruthy();
    expect(screen.queryByTestId('time-limit-edit-enquiry')).toBeNull();
  });

  it('lets the office change a limit, and shows the server’s refusal on the field', async () => {
    let refuse = true;
    const api = fakeApi()
      .on('GET', '/api/time-limits', () => ok(TimeLimitRuleList, { items: rules(true) }))
      .on('PUT', '/api/time-limits/enquiry', (req) =>
        refuse
          ? fails(400, 'validation_failed', '提交的数据有误，请检查标注的字段', [{ path: 'body.workingDays', message: '不能大于 250' }])
          : ok(TimeLimitRule, { ...rules(true)[0]!, workingDays: (req.body as { workingDays: number }).workingDays, updatedBy: '督查室' }),
      );
    renderWithApp(<TimeLimitRulesPage />);
    await userEvent.click(await screen.findByTestId('time-limit-edit-enquiry'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('调整“首问咨询”的办结时限')).toBeTruthy();
    const input = within(dialog).getByTestId('time-limit-days');
    await userEvent.clear(input);
    await userEvent.type(input, '4');
    await userEvent.click(screen.getByTestId('time-limit-save'));
    expect(await within(dialog).findByText('不能大于 250')).toBeTruthy();

    refuse = false;
    await userEvent.click(screen.getByTestId('time-limit-save'));
    await waitFor(() => expect(api.calls('PUT', '/api/time-limits/enquiry')).toHaveLength(2));
    expect(api.calls('PUT', '/api/time-limits/enquiry')[1]!.body).toEqual({ workingDays: 4 });
    expect(await screen.findByText('办结时限已调整')).toBeTruthy();
  });
});
