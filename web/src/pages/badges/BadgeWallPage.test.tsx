import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Badge, BadgeWall } from '@qinlian/contracts';
import { signedIn } from '../../test/fixtures.ts';
import { ok } from '../../test/fakeApi.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { BadgeWallPage } from './BadgeWallPage.tsx';
import { MyBadgePage } from './MyBadgePage.tsx';

const DEPT = '0190f0a0-0000-7000-8000-0000000000d1';
const ME = '0190f0a0-0000-7000-8000-0000000000p1';
const OTHER = '0190f0a0-0000-7000-8000-0000000000p2';
const all = { edit: true, reissue: true, revoke: true, print: true };
const nothing = { edit: false, reissue: false, revoke: false, print: false };

const badgeOf = (over: Partial<Badge> = {}): Badge =>
  Badge.parse({
    personId: ME,
    name: '王晓明',
    title: '科员',
    departmentId: DEPT,
    departmentName: '政务服务中心',
    photoUrl: null,
    posts: [{ id: '0190f0a0-0000-7000-8000-0000000000t1', name: '综合受理窗口', role: 'A', duties: '受理企业开办', backupName: '李娜' }],
    duties: '<b>企业开办</b>一次告知',
    shownDuties: '<b>企业开办</b>一次告知',
    code: '7KQ3MZ8RXH2W5',
    displayCode: '7KQ3-MZ8R-XH2W-5',
    publicPath: '/p/b/7KQ3MZ8RXH2W5',
    issuedAt: '2026-12-01T01:00:00.000Z',
    revoked: false,
    rating: { count: 12, average: 4.58 },
    abilities: all,
    ...over,
  });

const wallOf = (items: Badge[]) =>
  BadgeWall.parse({
    departmentId: DEPT,
    departmentName: '政务服务中心',
    ratingPageCode: 'R4T6Y8U2P3Q5W',
    rating: { count: 30, average: 4.2 },
    items,
  });

describe('亮牌墙', () => {
  it("shows the department's badges with only the actions each allows, texts inert, and links to the public pages", async () => {
    const api = signedIn(['people.read', 'badges.manage'], {
      personId: ME,
      departmentId: DEPT,
      departmentName: '政务服务中心',
      dataScope: 'dept',
    }).on('GET', `/api/badges/departments/${DEPT}`, () =>
      ok(
        BadgeWall,
        wallOf([
          badgeOf(),
          badgeOf({
            personId: OTHER,
            name: '李娜',
            posts: [],
            duties: null,
            shownDuties: null,
            code: null,
            displayCode: null,
            publicPath: null,
            issuedAt: null,
            rating: { count: 0, average: null },
            abilities: nothing,
          }),
        ]),
      ),
    );
    renderWithApp(<BadgeWallPage />, { path: '/badges' });
    const cards = await screen.findAllByTestId('badge-card');
    expect(cards).toHaveLength(2);
    expect(api.calls('GET', `/api/badges/departments/${DEPT}`)).toHaveLength(1);
    // a dept-scoped head sees their own department, no picker
    expect(screen.queryByTestId('badge-wall-department')).toBeNull();
    expect(screen.getByTestId('badge-wall-results').getAttribute('href')).toBe('/p/r/R4T6Y8U2P3Q5W');

    const [mine, other] = cards as [HTMLElement, HTMLElement];
    const duties = within(mine).getByTestId('badge-duties');
    expect(duties.textContent).toContain('<b>企业开办</b>一次告知');
    expect(duties.querySelector('b')).toBeNull();
    expect(within(mine).getByTestId('badge-code').textContent).toContain('7KQ3-MZ8R-XH2W-5');
    expect(within(mine).getByTestId('badge-rating').textContent).toContain('4.6 分 · 12 次');
    expect(within(mine).getByTestId('badge-public-link').getAttribute('href')).toBe('/p/b/7KQ3MZ8RXH2W5');
    expect(within(mine).getByTestId('badge-print')).toBeTruthy();
    expect(within(mine).getByTestId('badge-edit')).toBeTruthy();

    expect(within(other).getByText('未发放')).toBeTruthy();
    expect(within(other).getByTestId('badge-rating').textContent).toBe('暂无评价');
    for (const id of ['badge-edit', 'badge-print', 'badge-public-link', 'badge-more']) expect(within(other).queryByTestId(id)).toBeNull();

    await userEvent.type(screen.getByTestId('badge-wall-filter').querySelector('input')!, '李');
    await waitFor(() => expect(screen.getAllByTestId('badge-card')).toHaveLength(1));
  });

  it('saves the duties as typed, and an emptied field as null (the post’s duties again)', async () => {
    const api = signedIn(['people.read'], { personId: ME, departmentId: DEPT, dataScope: 'dept' })
      .on('GET', `/api/badges/departments/${DEPT}`, () => ok(BadgeWall, wallOf([badgeOf()])))
      .on('PUT', `/api/badges/people/${ME}`, (req) =>
        ok(Badge, badgeOf({ duties: (req.body as { duties: string | null }).duties, shownDuties: '受理企业开办' })),
      );
    renderWithApp(<BadgeWallPage />, { path: '/badges' });
    await userEvent.click(await screen.findByTestId('badge-edit'));
    const input = await screen.findByTestId('badge-duties-input');
    expect((input as HTMLTextAreaElement).value).toBe('<b>企业开办</b>一次告知');
    await userEvent.clear(input);
    await userEvent.type(input, '   ');
    await userEvent.click(screen.getByTestId('badge-duties-save'));
    await waitFor(() => expect(api.calls('PUT', `/api/badges/people/${ME}`)).toHaveLength(1));
    expect(api.calls('PUT', `/api/badges/people/${ME}`)[0]!.body).toEqual({ duties: null });
  });

  it('reissues only after the confirmation that the old code stops working', async () => {
    const api = signedIn(['people.read', 'badges.manage'], { personId: ME, departmentId: DEPT, dataScope: 'dept' })
      .on('GET', `/api/badges/departments/${DEPT}`, () => ok(BadgeWall, wallOf([badgeOf()])))
      .on('POST', `/api/badges/people/${ME}/reissue`, () => ok(Badge, badgeOf({ code: 'N3W4C5D6E7F8G', displayCode: 'N3W4-C5D6-E7F8-G' })));
    renderWithApp(<BadgeWallPage />, { path: '/badges' });
    await userEvent.click(await screen.findByTestId('badge-more'));
    await userEvent.click(await screen.findByText('重新发放'));
    expect(await screen.findByText(/旧查询码和已打印的二维码立即失效/)).toBeTruthy();
    expect(api.calls('POST', `/api/badges/people/${ME}/reissue`)).toHaveLength(0);
    await userEvent.click(screen.getByTestId('badge-reissue-confirm'));
    await waitFor(() => expect(api.calls('POST', `/api/badges/people/${ME}/reissue`)).toHaveLength(1));
  });

  it('lets someone who sees further pick the department, kept in the address', async () => {
    const api = signedIn(['people.read', 'org.read'], { dataScope: 'all' })
      .on('GET', '/api/departments', () => ({ body: { items: [] } }))
      .on('GET', `/api/badges/departments/${DEPT}`, () => ok(BadgeWall, wallOf([badgeOf()])));
    renderWithApp(<BadgeWallPage />, { path: `/badges?departmentId=${DEPT}` });
    expect(await screen.findByTestId('badge-wall-department')).toBeTruthy();
    expect(await screen.findAllByTestId('badge-card')).toHaveLength(1);
    expect(api.calls('GET', `/api/badges/departments/${DEPT}`)).toHaveLength(1);
  });
});

describe('我的工作牌', () => {
  it("opens the signed-in person's own badge, or says why there is none", async () => {
    const api = signedIn(['people.read'], { personId: ME, departmentId: DEPT }).on('GET', `/api/badges/people/${ME}`, () =>
      ok(Badge, badgeOf({ abilities: { ...all, revoke: false } })),
    );
    renderWithApp(<MyBadgePage />, { path: '/badges/mine' });
    const card = await screen.findByTestId('badge-card');
    expect(within(card).getByText('政务服务中心')).toBeTruthy();
    expect(api.calls('GET', `/api/badges/people/${ME}`)).toHaveLength(1);
  });

  it('asks nothing for an account without a person', async () => {
    const api = signedIn(['people.read']);
    renderWithApp(<MyBadgePage />, { path: '/badges/mine' });
    expect(await screen.findByTestId('my-badge-no-person')).toBeTruthy();
    expect(api.requests.some((r) => r.path.startsWith('/api/badges'))).toBe(false);
  });
});
