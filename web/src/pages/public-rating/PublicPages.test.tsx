import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { PublicBadge, PublicDepartmentRatings, PublicEnquiry, RatingReceipt } from '@qinlian/contracts';
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
const badge = (over: Partial<PublicBadge> = {}): PublicBadge => ({
  code: CODE,
  displayCode: '7KQ3-MZ8R-XH2W-5',
  name: '王晓明',
  photoUrl: null,
  departmentName: '政务服务中心',
  postName: '综合受理窗口',
  duties: '负责企业开办<script>alert(1)</script>\n一次告知',
  backupName: '李娜',
  whereabouts: { state: 'out', expectedReturnAt: '2026-12-07T06:30:00.000Z' },
  rating: { count: 12, average: 4.58 },
  ratingPageCode: 'R4T6Y8U2P3Q5W',
  ...over,
});

afterEach(() => changeLanguage('zh-CN'));

describe('the public badge page /p/b/<code>', () => {
  it('shows the person, where they are with their backup, the rating — all as text — and rates them', async () => {
    const api = fakeApi()
      .on('GET', `/api/public/badges/${CODE}`, () => ok(PublicBadge, badge()))
      .on('POST', `/api/public/badges/${CODE}/ratings`, () => ({
        status: 201,
        body: RatingReceipt.parse({ score: 5, bad: false, ratedOn: '2026-12-07' }),
      }));
    openPublic(`/p/b/${CODE}`);
    const page = await screen.findByTestId('public-badge');
    expect(within(page).getByTestId('badge-name').textContent).toBe('王晓明');
    expect(within(page).getByText('7KQ3-MZ8R-XH2W-5', { exact: false })).toBeTruthy();
    const duties = within(page).getByTestId('badge-duties');
    expect(duties.textContent).toBe('负责企业开办<script>alert(1)</script>\n一次告知');
    expect(duties.querySelector('script')).toBeNull();
    const now = within(page).getByTestId('badge-whereabouts');
    expect(now.dataset.state).toBe('out');
    expect(now.textContent).toContain('外出办事');
    expect(now.textContent).toContain('预计 12月7日 14:30 返回'); // 06:30 UTC in Shanghai
    expect(now.textContent).toContain('王晓明 不在岗期间，请找 李娜 办理。');
    expect(within(page).getByTestId('rating-summary').textContent).toContain('12 次评价，平均 4.6 分');
    expect(within(page).getByTestId('badge-results-link').getAttribute('href')).toBe('/p/r/R4T6Y8U2P3Q5W');
    expect(api.calls('GET', `/api/public/badges/${CODE}`)[0]!.headers.get('X-Device-Id')).toBeTruthy();

    await userEvent.click(screen.getByText('非常满意'));
    await userEvent.click(screen.getByTestId('rate-submit'));
    expect((await screen.findByTestId('rate-thanks')).textContent).toContain('非常满意');
    expect(api.calls('POST', `/api/public/badges/${CODE}/ratings`)[0]!.body).toEqual({ score: 5, comment: null });
  });

  it('says plainly that a replaced or unknown code is no longer valid, and shows no form', async () => {
    fakeApi().on('GET', '/api/public/badges/OLDCODE', () => fails(404, 'not_found', '未找到'));
    openPublic('/p/b/OLDCODE');
    const problem = await screen.findByTestId('public-problem');
    expect(problem.textContent).toContain('这张工作牌不存在或已失效');
    expect(screen.queryByTestId('rate-form')).toBeNull();
  });

  it('says the same of a code that cannot be one (a typo), not that the page is down', async () => {
    fakeApi().on('GET', '/api/public/badges/ZZZZ', () => fails(400, 'validation_failed', '格式不正确'));
    openPublic('/p/b/ZZZZ');
    expect((await screen.findByTestId('public-problem')).textContent).toContain('这张工作牌不存在或已失效');
  });
});

const enquiry = (over: Partial<PublicEnquiry> = {}): PublicEnquiry => ({
  code: 'E2K4M6P8R2T4V',
  channel: 'visitor',
  subject: '咨询企业开办流程',
  status: 'closed',
  createdAt: '2026-12-01T02:00:00.000Z',
  handledBy: { name: '王晓明', postName: '综合受理窗口', departmentName: '政务服务中心' },
  reply: '已当面告知所需材料',
  replyWay: 'in_person',
  repliedAt: '2026-12-02T03:00:00.000Z',
  closedAt: '2026-12-02T03:10:00.000Z',
  steps: [{ at: '2026-12-01T02:00:00.000Z', kind: 'registered', departmentName: '政务服务中心' }],
  ...over,
});

describe('the public enquiry page /p/e/<code>', () => {
  it('rates a closed enquiry with the same form, sent to the enquiry', async () => {
    const api = fakeApi()
      .on('GET', '/api/public/enquiries/E2K4M6P8R2T4V', () => ok(PublicEnquiry, enquiry()))
      .on('POST', '/api/public/enquiries/E2K4M6P8R2T4V/ratings', () =>
        fails(409, 'rating_duplicate_enquiry', '这件事项已经评价过了，每件事项只能评价一次'),
      );
    openPublic('/p/e/E2K4M6P8R2T4V');
    expect((await screen.findByTestId('enquiry-status')).textContent).toBe('已办结');
    expect(screen.getByTestId('enquiry-reply').textContent).toBe('已当面告知所需材料');
    await userEvent.click(screen.getByText('不满意'));
    await userEvent.click(screen.getByTestId('rate-submit'));
    expect((await screen.findByTestId('rate-error')).textContent).toBe('这件事项已经评价过了，每件事项只能评价一次');
    expect(api.calls('POST', '/api/public/enquiries/E2K4M6P8R2T4V/ratings')[0]!.body).toEqual({ score: 2, comment: null });
  });

  it('offers no form while the enquiry is open, and a mistyped code can be typed again', async () => {
    fakeApi()
      .on('GET', '/api/public/enquiries/E2K4M6P8R2T4V', () =>
        ok(PublicEnquiry, enquiry({ status: 'open', reply: null, replyWay: null, repliedAt: null, closedAt: null })),
      )
      .on('GET', '/api/public/enquiries/E2K4', () => fails(400, 'tracking_code_invalid', '查询码格式不正确'));
    openPublic('/p/e/E2K4');
    expect((await screen.findByTestId('public-problem')).textContent).toContain('查询码格式不正确');
    const input = screen.getByTestId('enquiry-lookup-code');
    await userEvent.clear(input);
    await userEvent.type(input, 'E2K4 M6P8 R2T4V');
    await userEvent.click(screen.getByTestId('enquiry-lookup-submit'));
    expect((await screen.findByTestId('enquiry-status')).textContent).toBe('办理中');
    expect(screen.queryByTestId('rate-form')).toBeNull();
    expect(screen.getByTestId('enquiry-rate-later')).toBeTruthy();
  });
});

describe("a department's published results /p/r/<code>", () => {
  it('shows the figures, the spread over the five levels and how each bad review was handled, without names', async () => {
    fakeApi().on('GET', '/api/public/departments/R4T6Y8U2P3Q5W/ratings', () =>
      ok(PublicDepartmentRatings, {
        departmentName: '政务服务中心',
        from: '2025-12-08',
        to: '2026-12-07',
        summary: { count: 20, average: 4.25 },
        distribution: [1, 2, 1, 6, 10],
        badReviews: [
          { ratedOn: '2026-12-01', score: 1, rectificationStatus: 'open', dueOn: '2026-12-08', appealState: 'none' },
          { ratedOn: '2026-11-20', score: 2, rectificationStatus: 'withdrawn', dueOn: '2026-11-27', appealState: 'upheld' },
        ],
      }),
    );
    openPublic('/p/r/R4T6Y8U2P3Q5W');
    expect((await screen.findByTestId('results-department')).textContent).toBe('政务服务中心');
    expect(screen.getByTestId('results-count').textContent).toBe('20');
    expect(screen.getByTestId('results-average').textContent).toBe('4.3');
    const bars = within(screen.getByTestId('results-distribution')).getAllByRole('listitem');
    expect(bars.map((b) => b.dataset.score)).toEqual(['5', '4', '3', '2', '1']);
    expect(bars[0]!.textContent).toContain('10 · 50%');
    const bad = screen.getAllByTestId('results-bad-review');
    expect(bad[0]!.textContent).toContain('整改中');
    expect(bad[0]!.textContent).toContain('整改期限 2026年12月8日');
    expect(bad[1]!.textContent).toContain('申诉成立，不计入统计');
    expect(bad[1]!.textContent).not.toContain('整改期限');
  });
});
