import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DoorBoardLink, PersonWhereabouts, PlannedAbsencePage, WhereaboutsBoard, type WhereaboutsBoardEntry } from '@qinlian/contracts';
import { shanghaiDay } from '../../domain/whereabouts/returnText.ts';
import { fails, ok } from '../../test/fakeApi.ts';
import { FakeEventSource } from '../../test/fakeEventSource.ts';
import { signedIn } from '../../test/fixtures.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { WhereaboutsPage } from './WhereaboutsPage.tsx';

const D1 = '0190f0a0-0000-7000-8000-0000000000d1';
const ME = '0190f0a0-0000-7000-8000-0000000000p1';
const LI = '0190f0a0-0000-7000-8000-0000000000p2';
const POST = '0190f0a0-0000-7000-8000-0000000000s1';
const can = { set: true, history: true };

const entry = (over: Partial<WhereaboutsBoardEntry>): WhereaboutsBoardEntry => ({
  personId: ME,
  personName: '王晓明',
  title: '科长',
  photoUrl: null,
  posts: [],
  state: 'in_office',
  place: null,
  expectedReturnAt: null,
  note: null,
  source: null,
  plannedAbsenceId: null,
  setAt: null,
  setByName: null,
  actingPersonId: null,
  actingPersonName: null,
  version: 0,
  abilities: can,
  ...over,
});

const boardOf = (people: WhereaboutsBoardEntry[], over: Partial<WhereaboutsBoard> = {}): WhereaboutsBoard => ({
  departmentId: D1,
  departmentName: '党政办公室',
  counts: {
    total: people.length,
    present: people.filter((p) => p.state === 'in_office' || p.state === 'meeting').length,
    away: people.filter((p) => p.state !== 'in_office' && p.state !== 'meeting').length,
    byState: { in_office: 0, meeting: 0, out: 0, trip: 0, leave: 0, training: 0 },
  },
  people,
  uncoveredPosts: [],
  abilities: { manage: true },
  ...over,
});

const mine = (over: Partial<PersonWhereabouts> = {}): PersonWhereabouts => {
  const { title: _t, photoUrl: _p, posts: _s, ...card } = entry({ version: 3 });
  return { ...card, departmentId: D1, ...over };
};

/** A head of 党政办公室 (whereabouts.manage over it) who is a person of it. */
function serve(board: () => WhereaboutsBoard, me: () => PersonWhereabouts = () => mine()) {
  return signedIn(['whereabouts.read', 'whereabouts.manage'], {
    personId: ME,
    departmentId: D1,
    departmentName: '党政办公室',
    dataScope: 'dept',
  })
    .on('GET', `/api/whereabouts/departments/${D1}`, () => ok(WhereaboutsBoard, board()))
    .on('GET', '/api/whereabouts/me', () => ok(PersonWhereabouts, me()))
    .on('GET', '/api/whereabouts/planned-absences', () => ok(PlannedAbsencePage, { items: [], total: 0, page: 1, pageSize: 10 }));
}

const open = () => renderWithApp(<WhereaboutsPage />, { path: '/whereabouts' });
const card = (id: string) => screen.getAllByTestId('whereabouts-person').find((el) => el.dataset.personId === id)!;

/** Picks an option of an antd Select by its visible text. */
async function choose(select: HTMLElement, option: string) {
  fireEvent.mouseDown(within(select).getByRole('combobox'));
  const options = await screen.findAllByText(option, { selector: '.ant-select-item-option-content, .ant-select-item-option-content *' });
  await userEvent.click(options.at(-1)!);
}

beforeEach(() => FakeEventSource.install());

describe('the whereabouts overview', () => {
  it('shows who is in, who is away with backup and return, uncovered posts in red; names stay text', async () => {
    const li = entry({
      personId: LI,
      personName: '<i>李娜</i>',
      posts: [{ id: POST, name: '档案管理', role: 'A' }],
      state: 'trip',
      place: '省档案馆',
      expectedReturnAt: '2030-12-09T01:00:00.000Z',
      actingPersonName: null,
      abilities: { set: true, history: true },
    });
    serve(() =>
      boardOf([entry({}), li], { uncoveredPosts: [{ id: POST, name: '档案管理', aPersonName: '<i>李娜</i>', bPersonName: null }] }),
    );
    open();
    await screen.findByTestId('whereabouts-board');
    expect(screen.getByTestId('whereabouts-counts').textContent).toContain('在岗1');
    const away = card(LI);
    expect(within(away).getByText('<i>李娜</i>')).toBeTruthy();
    expect(away.querySelector('i')).toBeNull();
    expect(within(away).getByTestId('whereabouts-person-state').textContent).toBe('出差');
    expect(within(away).getByTestId('whereabouts-person-return').textContent).toBe('12月9日 09:00 返回');
    expect(within(away).getByTestId('whereabouts-person-acting').textContent).toBe('无人代岗');
    expect(within(away).getByTestId('whereabouts-post-uncovered').textContent).toContain('档案管理');
    expect(screen.getByTestId('whereabouts-uncovered').textContent).toContain('档案管理：A 角 <i>李娜</i>，B 角 空缺');
    expect(within(card(ME)).queryByTestId('whereabouts-person-acting')).toBeNull();
  });

  it('sets my own state with a return time today, and shows the server’s word beside the time', async () => {
    let saved: unknown = null;
    const api = serve(() => boardOf([entry({})])).on('PUT', `/api/whereabouts/people/${ME}`, (req) => {
      saved = req.body;
      return fails(400, 'validation_failed', '请求参数有误', [{ path: 'body.expectedReturnAt', message: '预计返回时间须晚于现在' }]);
    });
    open();
    const panel = await screen.findByTestId('whereabouts-mine');
    await waitFor(() => expect(within(panel).getByTestId('whereabouts-mine-state').textContent).toBe('在岗'));
    await choose(screen.getByTestId('whereabouts-state').closest('.ant-select')!.parentElement!, '开会');
    await userEvent.type(screen.getByTestId('whereabouts-place'), '三楼会议室');
    const time = screen.getByTestId('whereabouts-return');
    await userEvent.click(time);
    await userEvent.type(time, '15:30{Enter}');
    await userEvent.type(screen.getByTestId('whereabouts-note'), '<b>议题</b>');
    await userEvent.click(screen.getByTestId('whereabouts-save'));

    await waitFor(() => expect(saved).not.toBeNull());
    expect(saved).toEqual({
      state: 'meeting',
      place: '三楼会议室',
      expectedReturnAt: `${shanghaiDay(new Date())}T15:30:00+08:00`,
      note: '<b>议题</b>',
      version: 3,
    });
    expect(await within(panel).findByText('预计返回时间须晚于现在')).toBeTruthy();
    expect(api.calls('PUT', `/api/whereabouts/people/${ME}`)).toHaveLength(1);
  });

  it('lets a head set a colleague’s whereabouts from the card, on another day', async () => {
    let saved: unknown = null;
    serve(() => boardOf([entry({}), entry({ personId: LI, personName: '李娜', version: 5 })])).on(
      'PUT',
      `/api/whereabouts/people/${LI}`,
      (req) => {
        saved = req.body;
        return ok(PersonWhereabouts, { ...mine({ personId: LI, personName: '李娜', state: 'leave', version: 6 }) });
      },
    );
    open();
    await screen.findByTestId('whereabouts-board');
    await userEvent.click(screen.getByTestId(`whereabouts-set-${LI}`));
    const dialog = await screen.findByTestId('whereabouts-edit');
    await choose(within(dialog).getByTestId('whereabouts-edit-state').closest('.ant-select')!.parentElement!, '请休假');
    await userEvent.click(within(dialog).getByText('其他日期'));
    const at = within(dialog).getByTestId('whereabouts-edit-return');
    await userEvent.click(at);
    await userEvent.type(at, '2030-12-09 09:00{Enter}');
    await userEvent.click(screen.getByTestId('whereabouts-edit-save'));
    await waitFor(() => expect(saved).not.toBeNull());
    expect(saved).toMatchObject({ state: 'leave', expectedReturnAt: '2030-12-09T09:00:00+08:00', version: 5 });
  });

  it('follows the department live: a change refetches the board', async () => {
    let state: WhereaboutsBoardEntry['state'] = 'in_office';
    const api = serve(() => boardOf([entry({ personId: LI, personName: '李娜', state })]));
    open();
    await screen.findByTestId('whereabouts-board');
    const source = FakeEventSource.made.find((s) => s.url === `/api/whereabouts/departments/${D1}/live`)!;
    expect(source).toBeTruthy();
    act(() => {
      source.open();
      source.emit('ready', null, '1');
    });
    expect(screen.getByTestId('whereabouts-live').dataset.state).toBe('live');
    state = 'out';
    act(() => source.emit('whereabouts.changed', { personId: LI }, '2'));
    await waitFor(() => expect(within(card(LI)).getByTestId('whereabouts-person-state').textContent).toBe('外出办事'));
    expect(api.calls('GET', `/api/whereabouts/departments/${D1}`).length).toBeGreaterThanOrEqual(2);
  });

  it('registers a leave and shows the server’s message when it ends before it starts', async () => {
    let sent: unknown = null;
    serve(() => boardOf([entry({})])).on('POST', '/api/whereabouts/planned-absences', (req) => {
      sent = req.body;
      return fails(400, 'validation_failed', '请求参数有误', [{ path: 'body.endsAt', message: '结束时间须晚于开始时间' }]);
    });
    open();
    await userEvent.click(await screen.findByTestId('absence-new'));
    expect(screen.queryByTestId('absence-person')).toBeNull(); // only oneself to register for
    const start = screen.getByTestId('absence-start');
    await userEvent.click(start);
    await userEvent.type(start, '2030-12-10 09:00{Enter}');
    const end = screen.getByTestId('absence-end');
    await userEvent.click(end);
    await userEvent.type(end, '2030-12-09 18:00{Enter}');
    await userEvent.click(screen.getByTestId('absence-save'));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent).toEqual({
      kind: 'leave',
      startsAt: '2030-12-10T09:00:00+08:00',
      endsAt: '2030-12-09T18:00:00+08:00',
      place: null,
      note: null,
    });
    expect(await screen.findByText('结束时间须晚于开始时间')).toBeTruthy();
  });

  it('opens the door board in a new tab and shows its address and code', async () => {
    const tab = { opener: {}, location: { href: 'about:blank' }, close: vi.fn() };
    vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    serve(() => boardOf([entry({})])).on('GET', `/api/whereabouts/departments/${D1}/door-board`, () =>
      ok(DoorBoardLink, {
        departmentId: D1,
        code: '7KQ3MZ8RXH2W5',
        displayCode: '7KQ3-MZ8R-XH2W-5',
        kioskPath: '/p/door-boards/7KQ3MZ8RXH2W5',
      }),
    );
    open();
    await userEvent.click(await screen.findByTestId('whereabouts-door-board'));
    const link = await screen.findByTestId('door-board-link');
    expect(tab.location.href).toBe('/p/door-boards/7KQ3MZ8RXH2W5');
    expect(tab.opener).toBeNull();
    expect(within(link).getByTestId('door-board-link-url').textContent).toContain('/p/door-boards/7KQ3MZ8RXH2W5');
    expect(within(link).getByTestId('door-board-link-code').textContent).toContain('7KQ3-MZ8R-XH2W-5');
  });
});
