import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { PublicDoorBoard } from '@qinlian/contracts';
import { AppRoutes } from '../../app/routes.tsx';
import { changeLanguage } from '../../i18n/index.ts';
import { shanghaiDay } from '../../domain/whereabouts/returnText.ts';
import { fails, fakeApi, ok } from '../../test/fakeApi.ts';
import { FakeEventSource } from '../../test/fakeEventSource.ts';
import { fitGrid } from './fitGrid.ts';

const CODE = '7KQ3MZ8RXH2W5';
const BOARD = `/api/public/door-boards/${CODE}`;
const P1 = '0190f0a0-0000-7000-8000-0000000000p1';
const P2 = '0190f0a0-0000-7000-8000-0000000000p2';
const P3 = '0190f0a0-0000-7000-8000-0000000000p3';
const todayAt15 = () => new Date(`${shanghaiDay(new Date())}T15:00:00+08:00`).toISOString();

const boardOf = (over: Partial<PublicDoorBoard> = {}): PublicDoorBoard => ({
  departmentName: '政务服务中心',
  counts: { total: 3, present: 2, away: 1 },
  generatedAt: '2026-12-07T06:00:00.000Z',
  people: [
    {
      personId: P1,
      name: '王晓明',
      photoUrl: `${BOARD}/photos/${P1}?v=2`,
      posts: ['综合受理窗口'],
      state: 'in_office',
      expectedReturnAt: null,
      actingPersonName: null,
    },
    {
      personId: P2,
      name: '<b>李娜</b>',
      photoUrl: null,
      posts: ['档案管理', '综合受理窗口'],
      state: 'meeting',
      expectedReturnAt: todayAt15(),
      actingPersonName: null,
    },
    {
      personId: P3,
      name: '赵强',
      photoUrl: null,
      posts: ['企业开办'],
      state: 'trip',
      expectedReturnAt: '2030-12-09T01:00:00.000Z',
      actingPersonName: '张三',
    },
  ],
  ...over,
});

function openKiosk(path = `/p/door-boards/${CODE}`) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const person = (id: string) => screen.getAllByTestId('door-board-person').find((el) => el.dataset.personId === id)!;

beforeEach(() => FakeEventSource.install());
afterEach(() => {
  vi.useRealTimers();
  return changeLanguage('zh-CN');
});

/** 门口去向牌 at /p/door-boards/<code>: what a visitor at the door reads, and how it stays current. */
describe('the door board kiosk', () => {
  it('shows everyone with state, return, backup and photo or surname; names stay text', async () => {
    const api = fakeApi().on('GET', BOARD, () => ok(PublicDoorBoard, boardOf()));
    openKiosk();
    await screen.findAllByTestId('door-board-person');
    expect(screen.getByTestId('door-board-department').textContent).toBe('政务服务中心');
    expect(screen.getByTestId('door-board-counts').textContent).toBe('在岗2不在岗1共3');
    expect(screen.queryByTestId('public-shell')).toBeNull(); // a screen of its own, not the phone column

    const wang = person(P1);
    expect(within(wang).getByTestId('door-board-state').textContent).toBe('在岗');
    expect(within(wang).getByTestId('door-board-state').dataset.tone).toBe('here');
    expect(within(wang).queryByTestId('door-board-return')).toBeNull();
    expect(within(wang).getByRole('img').getAttribute('src')).toBe(`${BOARD}/photos/${P1}?v=2`);

    const li = person(P2);
    expect(within(li).getByText('<b>李娜</b>')).toBeTruthy();
    expect(li.querySelector('b')).toBeNull();
    expect(within(li).getByRole('img').textContent).toBe('<'); // no photo: the first character, as text
    expect(within(li).getByTestId('door-board-state').textContent).toBe('开会');
    expect(within(li).getByTestId('door-board-return').textContent).toBe('15:00 返回');
    expect(within(li).queryByTestId('door-board-acting')).toBeNull();

    const zhao = person(P3);
    expect(within(zhao).getByRole('img').textContent).toBe('赵');
    expect(within(zhao).getByTestId('door-board-state').textContent).toBe('出差');
    expect(within(zhao).getByTestId('door-board-state').dataset.tone).toBe('out');
    expect(within(zhao).getByTestId('door-board-return').textContent).toBe('12月9日返回');
    expect(within(zhao).getByTestId('door-board-acting').textContent).toBe('由 张三 代岗');

    // the stream carries the device id (EventSource cannot send the header) and nothing asked for a session
    expect(FakeEventSource.latest().url).toMatch(new RegExp(`^${BOARD}/live\\?deviceId=[0-9a-f-]{36}$`));
    expect(api.calls('GET', BOARD)[0]!.headers.get('x-device-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.requests.map((r) => r.path)).not.toContain('/api/auth/session');

    await act(() => changeLanguage('en-US'));
    expect(within(person(P3)).getByTestId('door-board-return').textContent).toBe('Back on Dec 9');
    expect(within(person(P3)).getByTestId('door-board-acting').textContent).toBe('Covered by 张三');
  });

  it('shows a change within 2 seconds of the event, and says whether the line is live', async () => {
    let board = boardOf();
    const api = fakeApi().on('GET', BOARD, () => ok(PublicDoorBoard, board));
    openKiosk();
    await screen.findAllByTestId('door-board-person');
    const live = screen.getByTestId('door-board-live');
    expect(live.dataset.state).toBe('connecting');
    const source = FakeEventSource.latest();
    act(() => {
      source.open();
      source.emit('ready', { channel: 'door-board:d1' }, '7');
    });
    expect(live.dataset.state).toBe('live');
    expect(live.textContent).toBe('实时更新');
    await waitFor(() => expect(api.calls('GET', BOARD).length).toBeGreaterThanOrEqual(2));

    board = boardOf({
      counts: { total: 3, present: 1, away: 2 },
      people: boardOf().people.map((p) =>
        p.personId === P1 ? { ...p, state: 'out', expectedReturnAt: todayAt15(), actingPersonName: '李娜' } : p,
      ),
    });
    const before = api.calls('GET', BOARD).length;
    const sent = Date.now();
    act(() => {
      // three changes at once (the minute job) are fetched as one
      source.emit('whereabouts.changed', { personId: P1 }, '8');
      source.emit('whereabouts.changed', { personId: P2 }, '9');
      source.emit('whereabouts.changed', { personId: P3 }, '10');
    });
    await waitFor(() => expect(within(person(P1)).getByTestId('door-board-state').textContent).toBe('外出办事'), { timeout: 2000 });
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(within(person(P1)).getByTestId('door-board-acting').textContent).toBe('由 李娜 代岗');
    expect(screen.getByTestId('door-board-counts').textContent).toBe('在岗1不在岗2共3');
    expect(api.calls('GET', BOARD).length).toBe(before + 1);

    act(() => source.drop(true));
    expect(live.dataset.state).toBe('reconnecting');
    expect(live.textContent).toBe('正在重新连接…');
    expect(screen.getAllByTestId('door-board-person')).toHaveLength(3); // the last board stays up meanwhile
  });

  it('comes back after a server restart: a closed stream is reopened from the last event, the board fetched anew', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let board = boardOf();
    const api = fakeApi().on('GET', BOARD, () => ok(PublicDoorBoard, board));
    openKiosk();
    await screen.findAllByTestId('door-board-person');
    const first = FakeEventSource.latest();
    act(() => {
      first.open();
      first.emit('ready', null, '12');
      first.drop(false); // the proxy said 502 while the server restarted: the browser gave up on it
    });
    expect(screen.getByTestId('door-board-live').dataset.state).toBe('reconnecting');
    board = boardOf({
      people: boardOf().people.map((p) =>
        p.personId === P3 ? { ...p, state: 'in_office', expectedReturnAt: null, actingPersonName: null } : p,
      ),
    });
    await act(() => vi.advanceTimersByTimeAsync(3000));
    const second = FakeEventSource.latest();
    expect(second).not.toBe(first);
    expect(second.url).toContain('&lastEventId=12');
    const before = api.calls('GET', BOARD).length;
    act(() => {
      second.open();
      second.emit('reset', null, '1'); // a new server: event 12 is unknown to it
    });
    await waitFor(() => expect(within(person(P3)).getByTestId('door-board-state').textContent).toBe('在岗'));
    expect(api.calls('GET', BOARD).length).toBeGreaterThan(before);
    expect(screen.getByTestId('door-board-live').dataset.state).toBe('live');
  });

  it('says so when the code is unknown, and stops listening', async () => {
    fakeApi().on('GET', BOARD, () => fails(404, 'not_found', '未找到'));
    openKiosk();
    await waitFor(() => expect(screen.getByTestId('door-board-message').textContent).toContain('没有找到这块去向牌'));
    await waitFor(() => expect(FakeEventSource.latest().closedByPage).toBe(true));
    expect(screen.queryByTestId('door-board-live')).toBeNull();
  });
});

describe('a door board whose code was replaced', () => {
  it('takes the board down at the next fetch instead of showing stale whereabouts', async () => {
    let gone = false;
    fakeApi().on('GET', BOARD, () => (gone ? fails(404, 'not_found', '未找到') : ok(PublicDoorBoard, boardOf())));
    openKiosk();
    await screen.findAllByTestId('door-board-person');
    const source = FakeEventSource.latest();
    gone = true;
    act(() => {
      source.open();
      source.emit('ready', null, '3');
    });
    await waitFor(() => expect(screen.getByTestId('door-board-message').textContent).toContain('没有找到这块去向牌'));
    expect(screen.queryByTestId('door-board-person')).toBeNull();
    expect(source.closedByPage).toBe(true);
  });
});

describe('the door board grid', () => {
  it('fits twelve people on a 1080p screen in large cards, and a phone in one column', () => {
    const wide = fitGrid(12, 1872, 900, 16);
    expect(wide.columns).toBe(4);
    expect(wide.cardHeight).toBeGreaterThanOrEqual(200); // the name at 20 % of it: over 40 px
    expect(Math.ceil(12 / wide.columns) * wide.cardHeight + 2 * 16).toBeLessThanOrEqual(900);
    expect(fitGrid(12, 374, 700, 16)).toEqual({ columns: 1, cardHeight: 132 });
  });

  it('keeps cards readable for a large department and lets the page scroll instead', () => {
    const many = fitGrid(60, 1872, 900, 16);
    expect(many.cardHeight).toBe(176);
    expect(many.columns * (176 * 2.1) + (many.columns - 1) * 16).toBeLessThanOrEqual(1872);
  });
});
