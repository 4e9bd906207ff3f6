import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { PublicDemand, PublicDemandReceipt, PublicSolicitation } from '@qinlian/contracts';
import { AppRoutes } from '../../app/routes.tsx';
import { changeLanguage } from '../../i18n/index.ts';
import { fails, fakeApi, ok } from '../../test/fakeApi.ts';

/** A public address opened as the browser would: the app's own route table, no console around it. */
function openPublic(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const CODE = '7KQ3MZ8RXH2W5';
const receipt = { code: CODE, displayCode: '7KQ3-MZ8R-XH2W-5', status: 'received', expectedBy: null } as const;
const campaign = (over: Partial<PublicSolicitation> = {}): PublicSolicitation => ({
  code: 'S4T6Y8U2P3Q5W',
  title: '2027年度民生实事项目征集',
  description: '请您说说明年最希望办的实事',
  categories: ['教育', '交通', '养老'],
  opensOn: '2026-08-06',
  closesOn: '2026-08-30',
  open: true,
  ...over,
});
const tracked = (over: Partial<PublicDemand> = {}): PublicDemand => ({
  code: CODE,
  displayCode: '7KQ3-MZ8R-XH2W-5',
  kind: 'demand',
  channel: 'web',
  title: '小区路灯不亮',
  body: '幸福小区3栋门前路灯坏了两周<script>alert(1)</script>',
  status: 'handling',
  category: '市政设施',
  departmentName: '建设局',
  createdAt: '2026-12-07T01:00:00.000Z',
  expectedBy: '2026-12-14',
  reply: null,
  repliedAt: null,
  closedAt: null,
  rating: null,
  canRate: false,
  canReopen: false,
  steps: [
    { at: '2026-12-07T01:00:00.000Z', kind: 'received', departmentName: null },
    { at: '2026-12-07T02:00:00.000Z', kind: 'accept', departmentName: null },
    { at: '2026-12-07T03:00:00.000Z', kind: 'dispatch', departmentName: '建设局' },
    { at: '2026-12-07T06:30:00.000Z', kind: 'take', departmentName: '建设局' },
  ],
  ...over,
});

afterEach(() => changeLanguage('zh-CN'));

describe('我要反映 /p/d/new', () => {
  it('checks the text and phone before sending, then sends only what was given and shows the code to keep', async () => {
    const api = fakeApi().on('POST', '/api/public/demands', () => ({ status: 201, body: PublicDemandReceipt.parse(receipt) }));
    openPublic('/p/d/new');
    await screen.findByTestId('public-demand-new');
    expect(screen.getByTestId('demand-privacy').textContent).toContain('联系方式仅用于答复，加密保存');

    await userEvent.type(screen.getByTestId('demand-title'), '路');
    await userEvent.type(screen.getByTestId('demand-body'), '灯坏了');
    expect(screen.getByTestId('demand-body-count').textContent).toBe('3 / 2000 字');
    await userEvent.type(screen.getByTestId('demand-phone'), '12345');
    await userEvent.click(screen.getByTestId('demand-submit'));
    expect(screen.getByTestId('demand-title-field-error').textContent).toContain('至少 2 个字');
    expect(screen.getByTestId('demand-body-field-error').textContent).toContain('至少 5 个字');
    expect(screen.getByTestId('demand-phone-field-error').textContent).toContain('电话号码格式不正确');
    expect(api.calls('POST', '/api/public/demands')).toHaveLength(0);

    await userEvent.type(screen.getByTestId('demand-title'), '灯不亮');
    await userEvent.type(screen.getByTestId('demand-body'), '两周了，晚上很黑');
    await userEvent.clear(screen.getByTestId('demand-phone'));
    await userEvent.type(screen.getByTestId('demand-phone'), '0791-88888888');
    await userEvent.click(screen.getByTestId('demand-submit'));

    const done = await screen.findByTestId('demand-receipt');
    expect(within(done).getByTestId('demand-receipt-code').textContent).toBe('7KQ3-MZ8R-XH2W-5');
    expect(within(done).getByTestId('demand-receipt-keep').textContent).toContain('请保存查询码');
    expect(within(done).getByTestId('demand-receipt-track').getAttribute('href')).toBe(`/p/d/${CODE}`);
    const sent = api.calls('POST', '/api/public/demands')[0]!;
    expect(sent.body).toEqual({ kind: 'demand', title: '路灯不亮', body: '灯坏了两周了，晚上很黑', phone: '0791-88888888' });
    expect(sent.headers.get('X-Device-Id')).toBeTruthy();
  });

  it("shows the server's refusal in its own words, beside the field it names", async () => {
    fakeApi().on('POST', '/api/public/demands', () =>
      fails(400, 'validation_failed', '部分内容不符合要求，请检查', [{ path: 'body.email', message: '邮箱地址无效' }]),
    );
    openPublic('/p/d/new');
    await userEvent.type(await screen.findByTestId('demand-title'), '路灯不亮');
    await userEvent.type(screen.getByTestId('demand-body'), '两周了，晚上很黑');
    await userEvent.type(screen.getByTestId('demand-email'), 'a@b.cn');
    await userEvent.click(screen.getByTestId('demand-submit'));
    expect((await screen.findByTestId('demand-error')).textContent).toBe('部分内容不符合要求，请检查');
    expect(screen.getByTestId('demand-email-field-error').textContent).toBe('邮箱地址无效');
  });
});

describe('a campaign /p/s/<code>', () => {
  it('shows what it asks and takes a suggestion in a chosen category', async () => {
    const api = fakeApi()
      .on('GET', '/api/public/solicitations/S4T6Y8U2P3Q5W', () => ok(PublicSolicitation, campaign()))
      .on('POST', '/api/public/demands', () => ({
        status: 201,
        body: PublicDemandReceipt.parse({ ...receipt, expectedBy: '2026-09-15' }),
      }));
    openPublic('/p/s/S4T6Y8U2P3Q5W');
    expect((await screen.findByTestId('solicitation-title')).textContent).toBe('2027年度民生实事项目征集');
    expect(screen.getByTestId('solicitation-period').textContent).toBe('征集时间：2026年8月6日 至 2026年8月30日');
    await userEvent.click(within(screen.getByTestId('demand-categories')).getByText('养老'));
    await userEvent.type(screen.getByTestId('demand-title'), '社区食堂');
    await userEvent.type(screen.getByTestId('demand-body'), '建议在每个社区开老年食堂');
    await userEvent.click(screen.getByTestId('demand-submit'));
    expect((await screen.findByTestId('demand-receipt')).textContent).toContain('预计 2026年9月15日 前答复');
    expect(api.calls('POST', '/api/public/demands')[0]!.body).toEqual({
      kind: 'suggestion',
      solicitationCode: 'S4T6Y8U2P3Q5W',
      category: '养老',
      title: '社区食堂',
      body: '建议在每个社区开老年食堂',
    });
  });

  it('outside its period says so politely and shows no form', async () => {
    fakeApi().on('GET', '/api/public/solicitations/S4T6Y8U2P3Q5W', () => ok(PublicSolicitation, campaign({ open: false })));
    openPublic('/p/s/S4T6Y8U2P3Q5W');
    const notice = await screen.findByTestId('solicitation-closed');
    expect(notice.textContent).toContain('感谢关注');
    expect(notice.textContent).toContain('2026年8月30日');
    expect(screen.queryByTestId('demand-form')).toBeNull();
  });

  it('turns to the notice when the campaign closes while the form is open (409)', async () => {
    let open = true;
    fakeApi()
      .on('GET', '/api/public/solicitations/S4T6Y8U2P3Q5W', () => ok(PublicSolicitation, campaign({ open })))
      .on('POST', '/api/public/demands', () => {
        open = false;
        return fails(409, 'solicitation_closed', '感谢关注！现在不在征集期内');
      });
    openPublic('/p/s/S4T6Y8U2P3Q5W');
    await userEvent.type(await screen.findByTestId('demand-title'), '社区食堂');
    await userEvent.type(screen.getByTestId('demand-body'), '建议在每个社区开老年食堂');
    await userEvent.click(screen.getByTestId('demand-submit'));
    expect(await screen.findByTestId('solicitation-closed')).toBeTruthy();
  });

  it("shows the server's word for an unknown campaign", async () => {
    fakeApi().on('GET', '/api/public/solicitations/NOPE', () => fails(404, 'solicitation_not_found', '没有找到这项征集活动'));
    openPublic('/p/s/NOPE');
    expect((await screen.findByTestId('public-problem')).textContent).toBe('没有找到这项征集活动');
  });
});

describe('the tracking page /p/d/<code>', () => {
  it('shows the stages reached, the unit and the expected date, all as text', async () => {
    fakeApi().on('GET', `/api/public/demands/${CODE}`, () => ok(PublicDemand, tracked()));
    openPublic(`/p/d/${CODE}`);
    await screen.findByTestId('public-demand');
    const stages = screen.getAllByTestId('demand-stage');
    expect(stages.map((s) => s.dataset.state)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expect(stages[1]!.textContent).toContain('建设局');
    expect(screen.getByTestId('demand-department').textContent).toBe('建设局');
    expect(screen.getByTestId('demand-expected').textContent).toBe('2026年12月14日');
    expect(screen.getByText('幸福小区3栋门前路灯坏了两周<script>alert(1)</script>')).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
    expect(screen.queryByTestId('demand-rate-form')).toBeNull();
  });

  it('takes a rating once the reply came, then shows it', async () => {
    const replied = tracked({ status: 'replied', reply: '已更换灯泡', repliedAt: '2026-12-09T02:00:00.000Z', canRate: true });
    const api = fakeApi()
      .on('GET', `/api/public/demands/${CODE}`, () => ok(PublicDemand, replied))
      .on('POST', `/api/public/demands/${CODE}/rating`, () => ok(PublicDemand, { ...replied, rating: 5, canRate: false }));
    openPublic(`/p/d/${CODE}`);
    expect((await screen.findByTestId('demand-reply')).textContent).toBe('已更换灯泡');
    await userEvent.click(screen.getByTestId('demand-rate-submit'));
    expect(screen.getByTestId('demand-rate-error').textContent).toBe('请先选择满意程度');
    await userEvent.click(screen.getByText('非常满意'));
    await userEvent.type(screen.getByTestId('demand-rate-comment'), '很快');
    await userEvent.click(screen.getByTestId('demand-rate-submit'));
    expect((await screen.findByTestId('demand-rating')).textContent).toBe('非常满意');
    expect(screen.getByTestId('demand-rated-thanks').textContent).toBe('感谢您的评价！');
    expect(screen.queryByTestId('demand-rate-form')).toBeNull();
    expect(api.calls('POST', `/api/public/demands/${CODE}/rating`)[0]!.body).toEqual({ rating: 5, comment: '很快' });
  });

  it('lets an unsatisfied submitter ask once to handle it again, with the reason', async () => {
    const closed = tracked({ status: 'closed', reply: '已处理', closedAt: '2026-12-10T02:00:00.000Z', rating: 1, canReopen: true });
    const api = fakeApi()
      .on('GET', `/api/public/demands/${CODE}`, () => ok(PublicDemand, closed))
      .on('POST', `/api/public/demands/${CODE}/reopen`, () => ok(PublicDemand, { ...closed, status: 'handling', canReopen: false }));
    openPublic(`/p/d/${CODE}`);
    await userEvent.click(await screen.findByTestId('demand-reopen-open'));
    await userEvent.type(screen.getByTestId('demand-reopen-reason'), '灯还是不亮');
    await userEvent.click(screen.getByTestId('demand-reopen-submit'));
    await waitFor(() => expect(screen.getByTestId('demand-status').dataset.status).toBe('handling'));
    expect(screen.queryByTestId('demand-reopen-form')).toBeNull();
    expect(api.calls('POST', `/api/public/demands/${CODE}/reopen`)[0]!.body).toEqual({ reason: '灯还是不亮' });
  });

  it("says the server's word for an unknown code and offers the lookup again, in English on request", async () => {
    fakeApi().on('GET', '/api/public/demands/WRONG', (req) =>
      req.headers.get('Accept-Language') === 'en-US'
        ? fails(404, 'demand_code_not_found', 'No submission has this tracking code')
        : fails(404, 'demand_code_not_found', '没有找到这个查询码对应的诉求，请核对后再试'),
    );
    await changeLanguage('en-US');
    openPublic('/p/d/WRONG');
    expect((await screen.findByTestId('public-problem')).textContent).toBe('No submission has this tracking code');
    expect((screen.getByTestId('demand-lookup-code') as HTMLInputElement).value).toBe('WRONG');
  });

  it('opens the tracking page from the code typed in /p/d', async () => {
    fakeApi().on('GET', `/api/public/demands/${CODE}`, () => ok(PublicDemand, tracked()));
    openPublic('/p/d');
    await userEvent.type(await screen.findByTestId('demand-lookup-code'), ' 7KQ3 MZ8R XH2W 5 ');
    await userEvent.click(screen.getByTestId('demand-lookup-submit'));
    expect(await screen.findByTestId('public-demand')).toBeTruthy();
  });
});
