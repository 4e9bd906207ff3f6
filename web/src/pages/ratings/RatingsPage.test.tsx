import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Rating, RatingPage, RatingStats } from '@qinlian/contracts';
import { signedIn } from '../../test/fixtures.ts';
import { ok } from '../../test/fakeApi.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { RatingsPage } from './RatingsPage.tsx';
import { RatingStatsPage } from './RatingStatsPage.tsx';

const DEPT = '0190f0a0-0000-7000-8000-0000000000d1';
const ID = '0190f0a0-0000-7000-8000-0000000000g1';
const RECT = '0190f0a0-0000-7000-8000-0000000000r1';

const ratingOf = (over: Partial<Rating> = {}): Rating =>
  Rating.parse({
    id: ID,
    personId: '0190f0a0-0000-7000-8000-0000000000p1',
    personName: '王晓明',
    departmentId: DEPT,
    departmentName: '政务服务中心',
    source: 'badge',
    enquiryId: null,
    score: 1,
    comment: '等了两个小时 <img src=x onerror=alert(1)> 电话 138****5678',
    ratedOn: '2026-12-07',
    createdAt: '2026-12-07T02:00:00.000Z',
    bad: true,
    rectification: { id: RECT, code: 'ZG-2026-0007', status: 'open', dueOn: '2026-12-14' },
    appealState: 'none',
    appeal: null,
    version: 1,
    abilities: { appeal: true, decide: false },
    ...over,
  });

describe('好差评 list', () => {
  it('asks with the filters the address holds and shows masked comments as text', async () => {
    const api = signedIn(['ratings.read', 'ratings.appeal'], { dataScope: 'dept', departmentId: DEPT }).on('GET', '/api/ratings', () =>
      ok(RatingPage, { items: [ratingOf()], total: 1, page: 1, pageSize: 20 }),
    );
    renderWithApp(<RatingsPage />, { path: '/ratings?bad=true&score=1&appealState=none&from=2026-12-01&to=nonsense' });
    const row = (await screen.findAllByTestId('rating-row'))[0]!;
    expect(api.lastQuery('/api/ratings')).toEqual({
      bad: 'true',
      score: '1',
      appealState: 'none',
      from: '2026-12-01',
      page: '1',
      pageSize: '20',
    });
    expect(row.textContent).toContain('等了两个小时 <img src=x onerror=alert(1)> 电话 138****5678');
    expect(row.querySelector('img')).toBeNull();
    expect(within(row).getByTestId('rating-score').textContent).toBe('1 非常不满意');
    // no org.read: no department picker
    expect(screen.queryByTestId('ratings-department')).toBeNull();
  });

  it('opens a bad review and appeals it with a reason, then shows the appeal on record', async () => {
    const full = ratingOf({ comment: '等了两个小时 电话 13812345678' });
    const api = signedIn(['ratings.read', 'ratings.appeal'], { dataScope: 'dept', departmentId: DEPT })
      .on('GET', '/api/ratings', () => ok(RatingPage, { items: [ratingOf()], total: 1, page: 1, pageSize: 20 }))
      .on('GET', `/api/ratings/${ID}`, () => ok(Rating, full))
      .on('POST', `/api/ratings/${ID}/appeal`, (req) =>
        ok(
          Rating,
          ratingOf({
            appealState: 'appealed',
            version: 2,
            abilities: { appeal: false, decide: false },
            appeal: {
              reason: (req.body as { reason: string }).reason,
              appealedByName: '张主任',
              appealedAt: '2026-12-07T03:00:00.000Z',
              decision: null,
              decidedByName: null,
              decidedAt: null,
              note: null,
            },
          }),
        ),
      );
    renderWithApp(<RatingsPage />, { path: '/ratings' });
    await userEvent.click((await screen.findAllByTestId('rating-open'))[0]!);
    expect((await screen.findByTestId('rating-comment')).textContent).toBe('等了两个小时 电话 13812345678');
    const drawer = screen.getByTestId('rating-drawer');
    expect(within(drawer).getByTestId('rating-rectification-link').getAttribute('href')).toBe(`/rectifications/${RECT}`);
    expect(drawer.textContent).toContain('期限 2026-12-14');

    await userEvent.click(screen.getByTestId('rating-appeal'));
    await userEvent.click(await screen.findByTestId('rating-appeal-submit'));
    expect(await screen.findByText('请填写申诉理由')).toBeTruthy();
    expect(api.calls('POST', `/api/ratings/${ID}/appeal`)).toHaveLength(0);

    await userEvent.type(screen.getByTestId('rating-appeal-reason'), ' 该事项不属于本窗口，已当面解释 ');
    await userEvent.click(screen.getByTestId('rating-appeal-submit'));
    await waitFor(() => expect(api.calls('POST', `/api/ratings/${ID}/appeal`)).toHaveLength(1));
    expect(api.calls('POST', `/api/ratings/${ID}/appeal`)[0]!.body).toEqual({ reason: '该事项不属于本窗口，已当面解释', version: 1 });
    const record = await screen.findByTestId('rating-appeal-record');
    expect(record.textContent).toContain('该事项不属于本窗口，已当面解释');
    expect(record.textContent).toContain('等待办公室复核');
    expect(screen.queryByTestId('rating-appeal')).toBeNull();
  });

  it('lets the office decide a waiting appeal, and offers no 申诉 to whom the server gives none', async () => {
    const waiting = ratingOf({
      appealState: 'appealed',
      abilities: { appeal: false, decide: true },
      appeal: {
        reason: '恶意差评',
        appealedByName: '张主任',
        appealedAt: '2026-12-07T03:00:00.000Z',
        decision: null,
        decidedByName: null,
        decidedAt: null,
        note: null,
      },
    });
    const api = signedIn(['ratings.read', 'ratings.review'])
      .on('GET', '/api/ratings', () => ok(RatingPage, { items: [waiting], total: 1, page: 1, pageSize: 20 }))
      .on('GET', `/api/ratings/${ID}`, () => ok(Rating, waiting))
      .on('POST', `/api/ratings/${ID}/appeal/decision`, () =>
        ok(Rating, { ...waiting, appealState: 'upheld', abilities: { appeal: false, decide: false } }),
      );
    renderWithApp(<RatingsPage />, { path: `/ratings?id=${ID}` });
    await userEvent.click(await screen.findByTestId('rating-decide'));
    expect(screen.queryByTestId('rating-appeal')).toBeNull();
    await userEvent.click(await screen.findByTestId('rating-decide-upheld'));
    await userEvent.type(screen.getByTestId('rating-decide-note'), '核实为误评');
    await userEvent.click(screen.getByTestId('rating-decide-submit'));
    await waitFor(() => expect(api.calls('POST', `/api/ratings/${ID}/appeal/decision`)).toHaveLength(1));
    expect(api.calls('POST', `/api/ratings/${ID}/appeal/decision`)[0]!.body).toEqual({
      decision: 'upheld',
      note: '核实为误评',
      version: 1,
    });
  });
});

const figures = (distribution: number[], appeals = { appealed: 0, upheld: 0, rejected: 0 }) => {
  const count = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  return { count, average: count ? sum / count : null, distribution, bad: distribution[0]! + distribution[1]!, appeals };
};

/**
 * jsdom draws no canvas (getContext answers null); the charts need a 2D context to paint into. A
 * stand-in for the browser that accepts every drawing call, as setup.ts does for matchMedia.
 */
function canvasStandIn() {
  const store: Record<string | symbol, unknown> = { measureText: (s: string) => ({ width: s.length * 7 }) };
  const context: object = new Proxy(
    {},
    {
      get: (_, p) => (p in store ? store[p] : p === 'then' ? undefined : () => context),
      set: (_, p, v) => {
        store[p] = v;
        return true;
      },
    },
  );
  return vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => context as never);
}

describe('评价统计', () => {
  let canvas: ReturnType<typeof canvasStandIn>;
  beforeEach(() => {
    canvas = canvasStandIn();
  });
  afterEach(() => canvas.mockRestore());

  it('shows the figures of the period, the charts and a row per person', async () => {
    const api = signedIn(['ratings.read']).on('GET', '/api/ratings/stats', () =>
      ok(RatingStats, {
        from: '2025-12-08',
        to: '2026-12-07',
        total: figures([1, 1, 2, 6, 10], { appealed: 1, upheld: 1, rejected: 0 }),
        departments: [{ departmentId: DEPT, departmentName: '政务服务中心', ...figures([1, 1, 2, 6, 10]) }],
        people: [
          { personId: '0190f0a0-0000-7000-8000-0000000000p1', personName: '王晓明', departmentId: DEPT, ...figures([1, 1, 0, 2, 6]) },
          { personId: '0190f0a0-0000-7000-8000-0000000000p2', personName: '李娜', departmentId: DEPT, ...figures([0, 0, 2, 4, 4]) },
        ],
        peopleTruncated: false,
        months: [
          { month: '2026-11', count: 8, average: 4.1, bad: 1 },
          { month: '2026-12', count: 12, average: 4.3, bad: 1 },
        ],
      }),
    );
    renderWithApp(<RatingStatsPage />, { path: '/ratings/stats?from=2026-01-01' });
    await waitFor(() => expect(screen.getByTestId('rating-stats-count').textContent).toContain('20'));
    expect(api.lastQuery('/api/ratings/stats')).toEqual({ from: '2026-01-01' });
    expect(screen.getByTestId('rating-stats-satisfied').textContent).toContain('90');
    expect(screen.getByTestId('rating-stats-bad').textContent).toContain('2');
    expect(screen.getByTestId('rating-stats-appeals').textContent).toContain('1 待复核 · 1 成立 · 0 不成立');
    expect(await screen.findByTestId('rating-distribution-chart', undefined, { timeout: 15_000 })).toBeTruthy();
    expect(await screen.findByTestId('rating-monthly-chart', undefined, { timeout: 15_000 })).toBeTruthy();
    expect(await screen.findByTestId('rating-department-chart', undefined, { timeout: 15_000 })).toBeTruthy();
    const rows = within(screen.getByTestId('rating-people')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['王晓明', '李娜']);
    expect(rows[0]!.textContent).toContain('政务服务中心');
    expect(rows[0]!.textContent).toContain('80%');
  });
});
