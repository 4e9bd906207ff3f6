import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { Bulletin } from '@qinlian/contracts';
import { signedIn } from '../../test/fixtures.ts';
import { ok } from '../../test/fakeApi.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { BulletinPage } from './BulletinPage.tsx';

const ID = '0190f0a0-0000-7000-8000-0000000000b1';
const PLAN = '0190f0a0-0000-7000-8000-0000000000a1';
const row = (departmentId: string, departmentName: string, rank: number, score: number, over: object = {}) => ({
  departmentId,
  departmentName,
  rank,
  score,
  closed: 2,
  closedOnTime: 2,
  overdue: 0,
  red: 0,
  returned: 0,
  onTimeRate: 100,
  closeRate: 100,
  publicRating: null,
  best: false,
  worst: false,
  ...over,
});
const none = { edit: false, recompute: false, submit: false, returnToDraft: false, comment: false, publish: false };

const bulletinOf = (over: Partial<Bulletin> = {}): Bulletin =>
  Bulletin.parse({
    id: ID,
    planId: PLAN,
    planName: '勤廉新区建设行动',
    year: 2026,
    quarter: 1,
    periodStart: '2026-01-01',
    periodEnd: '2026-03-31',
    title: '关于2026年第一季度勤廉新区建设行动推进情况的通报',
    summary: '',
    requirements: '',
    status: 'review',
    indicators: [
      { key: 'on_time_rate', weight: 60, direction: 'higher' },
      { key: 'red_count', weight: 40, direction: 'lower' },
    ],
    ranking: [
      row('0190f0a0-0000-7000-8000-0000000000d1', '城市管理局', 1, 100, { best: true }),
      row('0190f0a0-0000-7000-8000-0000000000d2', '财政金融局', 2, 80),
      row('0190f0a0-0000-7000-8000-0000000000d3', '交通运输局', 3, 0, { worst: true, onTimeRate: 0, red: 2, closedOnTime: 0 }),
    ],
    totals: { departments: 3, ranked: 3, closed: 6, closedOnTime: 4, overdue: 0, red: 2, returned: 0, onTimeRate: 66.7, closeRate: 100 },
    overdue: [],
    overdueOmitted: 0,
    comments: [],
    computedAt: '2026-04-02T01:00:00.000Z',
    number: null,
    publishedAt: null,
    publishedByName: null,
    signedHead: null,
    draftedByName: '办公室',
    draftedAt: '2026-04-02T01:00:00.000Z',
    version: 3,
    abilities: none,
    ...over,
  });

const open = () =>
  renderWithApp(
    <Routes>
      <Route path="/bulletins/:id" element={<BulletinPage />} />
    </Routes>,
    { path: `/bulletins/${ID}` },
  );

describe('季度通报', () => {
  it('marks the best and the worst department in the ranking, and shows a leader the comment box in review', async () => {
    const abilities = { ...none, comment: true };
    let current = bulletinOf({ abilities });
    const api = signedIn(['bulletins.read', 'bulletins.comment'])
      .on('GET', `/api/bulletins/${ID}`, () => ok(Bulletin, current))
      .on('POST', `/api/bulletins/${ID}/comments`, (req) => {
        const text = (req.body as { text: string }).text;
        const comment = {
          id: '0190f0a0-0000-7000-8000-0000000000c1',
          authorName: '张明',
          authorTitle: '管委会主任',
          text,
          createdAt: '2026-04-02T02:00:00.000Z',
          removable: true,
        };
        current = bulletinOf({ abilities, comments: [comment] });
        return ok(Bulletin, current);
      });
    open();
    const rows = await screen.findAllByTestId('bulletin-ranking-row');
    expect(rows).toHaveLength(3);
    ['城市管理局', '财政金融局', '交通运输局'].forEach((name, i) => expect(rows[i]!.textContent).toContain(name));
    expect(within(rows[0]!).getByTestId('bulletin-best')).toBeTruthy();
    expect(within(rows[2]!).getByTestId('bulletin-worst')).toBeTruthy();
    expect(within(rows[1]!).queryByTestId('bulletin-best')).toBeNull();
    expect(screen.getByTestId('bulletin-weights').textContent).toContain('按时办结率 60%');
    expect(screen.queryByTestId('bulletin-publish')).toBeNull();

    await userEvent.type(screen.getByTestId('bulletin-comment-input'), '交通运输局要限期整改');
    await userEvent.click(screen.getByTestId('bulletin-comment-add'));
    await waitFor(() => expect(api.calls('POST', `/api/bulletins/${ID}/comments`)).toHaveLength(1));
    expect(api.calls('POST', `/api/bulletins/${ID}/comments`)[0]!.body).toEqual({ text: '交通运输局要限期整改' });
    expect(await screen.findByText('管委会主任张明')).toBeTruthy();
  });

  it('publishes with the next number after a confirmation, and shows the number and the signed head', async () => {
    const head = {
      seq: 1024,
      hash: 'a'.repeat(64),
      algorithm: 'sm3',
      keyId: '3a7bd3e2360a3d29',
      publicKey: `04${'b'.repeat(128)}`,
      signature: 'c'.repeat(128),
      signedAt: '2026-04-02T03:00:00.000Z',
    };
    const inReview = bulletinOf({ abilities: { ...none, edit: true, returnToDraft: true, publish: true } });
    const published = bulletinOf({
      status: 'published',
      number: '赣新勤廉〔2026〕1号',
      publishedAt: head.signedAt,
      publishedByName: '办公室',
      signedHead: head,
      version: 4,
    });
    let current = inReview;
    const api = signedIn(['bulletins.read', 'bulletins.manage'])
      .on('GET', `/api/bulletins/${ID}`, () => ok(Bulletin, current))
      .on('GET', `/api/bulletin-settings/${PLAN}`, () => ({ status: 403, body: { error: { code: 'forbidden', message: '无权' } } }))
      .on('POST', `/api/bulletins/${ID}/publish`, () => {
        current = published;
        return ok(Bulletin, published);
      });
    open();
    await userEvent.click(await screen.findByTestId('bulletin-publish'));
    await userEvent.click(await screen.findByTestId('bulletin-publish-confirm'));
    await waitFor(() => expect(api.calls('POST', `/api/bulletins/${ID}/publish`)).toHaveLength(1));
    expect(api.calls('POST', `/api/bulletins/${ID}/publish`)[0]!.body).toEqual({ version: 3 });
    expect((await screen.findByTestId('bulletin-number')).textContent).toBe('赣新勤廉〔2026〕1号');
    expect(screen.getByTestId('bulletin-head').textContent).toContain('a'.repeat(64));
    expect(screen.getByTestId('bulletin-verify-link').getAttribute('href')).toBe(
      `/p/verify?seq=1024&hash=${'a'.repeat(64)}&signature=${'c'.repeat(128)}&keyId=3a7bd3e2360a3d29&signedAt=2026-04-02T03%3A00%3A00.000Z`,
    );
  });
});
