import { afterEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RatingReceipt } from '@qinlian/contracts';
import { changeLanguage } from '../../i18n/index.ts';
import { fails, fakeApi } from '../../test/fakeApi.ts';
import { RateForm } from './RateForm.tsx';

const ACTION = '/api/public/badges/7KQ3MZ8RXH2W5/ratings';

function open() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RateForm action={ACTION} refresh={['public', 'badge', '7KQ3MZ8RXH2W5']} />
    </QueryClientProvider>,
  );
}

afterEach(() => changeLanguage('zh-CN'));

describe('the public rate form', () => {
  it('offers the five levels by name; a bad one says it will be followed up; nothing is sent without a level', async () => {
    const api = fakeApi();
    open();
    const labels = [1, 2, 3, 4, 5].map((s) => screen.getByTestId(`rate-level-${s}`).textContent);
    expect(labels).toEqual(['1非常不满意', '2不满意', '3基本满意', '4满意', '5非常满意']);
    expect(screen.getAllByRole('radio')).toHaveLength(5);

    await userEvent.click(screen.getByTestId('rate-submit'));
    expect(screen.getByTestId('rate-error').textContent).toBe('请先选择满意程度');
    expect(api.calls('POST', ACTION)).toHaveLength(0);

    await userEvent.click(screen.getByText('不满意'));
    expect(screen.getByTestId('rate-bad-note')).toBeTruthy();
    expect(screen.queryByTestId('rate-error')).toBeNull();
    await userEvent.click(screen.getByText('满意'));
    expect(screen.queryByTestId('rate-bad-note')).toBeNull();
    expect((screen.getAllByRole('radio')[3] as HTMLInputElement).checked).toBe(true);
  });

  it('counts the comment and refuses one over 500 characters before sending', async () => {
    const api = fakeApi();
    open();
    await userEvent.click(screen.getByText('非常满意'));
    await userEvent.type(screen.getByTestId('rate-comment'), '  窗口服务热情 ');
    expect(screen.getByTestId('rate-counter').textContent).toBe('6/500');

    fireEvent.change(screen.getByTestId('rate-comment'), { target: { value: '好'.repeat(501) } });
    expect(screen.getByTestId('rate-counter').textContent).toBe('501/500');
    expect(screen.getByTestId('rate-counter').className).toContain('over');
    expect(screen.getByTestId('rate-too-long').textContent).toContain('500');
    expect((screen.getByTestId('rate-submit') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(screen.getByTestId('rate-comment'), { target: { value: `${'好'.repeat(500)}   ` } });
    expect(screen.getByTestId('rate-counter').textContent).toBe('500/500');
    expect((screen.getByTestId('rate-submit') as HTMLButtonElement).disabled).toBe(false);
    expect(api.requests).toHaveLength(0);
  });

  it('sends the level and the trimmed comment as text with the device id, then shows the receipt', async () => {
    const api = fakeApi().on('POST', ACTION, () => ({
      status: 201,
      body: RatingReceipt.parse({ score: 2, bad: true, ratedOn: '2026-12-07' }),
    }));
    open();
    await userEvent.click(screen.getByText('不满意'));
    await userEvent.type(screen.getByTestId('rate-comment'), ' <b>等了很久</b> ');
    await userEvent.click(screen.getByTestId('rate-submit'));

    const thanks = await screen.findByTestId('rate-thanks');
    expect(thanks.textContent).toContain('感谢您的评价！');
    expect(thanks.textContent).toContain('已收到您 2026年12月7日 的评价：不满意。');
    expect(thanks.textContent).toContain('这是一条差评');
    const [sent] = api.calls('POST', ACTION);
    expect(sent!.body).toEqual({ score: 2, comment: '<b>等了很久</b>' });
    expect(sent!.headers.get('X-Device-Id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(screen.queryByTestId('rate-form')).toBeNull();
  });

  it("shows the server's 409 and 429 in the language asked in, and drops them when the language changes", async () => {
    let answer = fails(409, 'rating_duplicate_badge', '您今天已经评价过这位工作人员了：同一次服务只能评价一次，明天可再次评价');
    const api = fakeApi().on('POST', ACTION, () => answer);
    open();
    await userEvent.click(screen.getByText('满意'));
    await userEvent.click(screen.getByTestId('rate-submit'));
    expect((await screen.findByTestId('rate-error')).textContent).toBe(
      '您今天已经评价过这位工作人员了：同一次服务只能评价一次，明天可再次评价',
    );
    expect(api.calls('POST', ACTION)[0]!.headers.get('Accept-Language')).toBe('zh-CN');

    await act(() => changeLanguage('en-US'));
    await waitFor(() => expect(screen.queryByTestId('rate-error')).toBeNull());
    expect(screen.getByTestId('rate-submit').textContent).toBe('Send rating');

    answer = fails(429, 'rate_limited', 'Too many requests; please wait a moment');
    await userEvent.click(screen.getByTestId('rate-submit'));
    expect((await screen.findByTestId('rate-error')).textContent).toBe('Too many requests; please wait a moment');
    expect(api.calls('POST', ACTION)[1]!.headers.get('Accept-Language')).toBe('en-US');
    // still the form: a refused rating can be changed and sent again
    expect(screen.getByTestId('rate-form')).toBeTruthy();
  });

  it('reads a comment of HTML as the text it is when the server refuses it', async () => {
    fakeApi().on('POST', ACTION, () => fails(400, 'validation', '<img src=x onerror=alert(1)>输入有误'));
    open();
    await userEvent.click(screen.getByText('基本满意'));
    await userEvent.click(screen.getByTestId('rate-submit'));
    const error = await screen.findByTestId('rate-error');
    expect(error.textContent).toBe('<img src=x onerror=alert(1)>输入有误');
    expect(error.querySelector('img')).toBeNull();
  });
});
