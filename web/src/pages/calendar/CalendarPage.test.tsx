import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CalendarOverrideList, CalendarYear, Ok } from '@qinlian/contracts';
import { fails, ok } from '../../test/fakeApi.ts';
import { signedIn } from '../../test/fixtures.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { CalendarPage } from './CalendarPage.tsx';

/** A calendar manager, October 2026: 国庆 off on the 1st–7th (two shown), 10 October a make-up Saturday, a local day off on the 12th. */
function serverWithCalendar() {
  const overrides = [{ date: '2026-10-12', working: false, note: '防汛调休' }];
  return signedIn(['calendar.manage'])
    .on('GET', '/api/calendar/year', (req) =>
      ok(CalendarYear, {
        year: Number(req.query.get('year')),
        covered: true,
        items: [
          { date: '2026-10-01', working: false, source: 'official', holiday: '国庆节', note: null },
          { date: '2026-10-02', working: false, source: 'official', holiday: '国庆节', note: null },
          { date: '2026-10-10', working: true, source: 'official', holiday: '国庆节', note: null },
          ...overrides.map((o) => ({ ...o, source: 'local' as const, holiday: null })),
        ],
      }),
    )
    .on('GET', '/api/calendar/overrides', () => ok(CalendarOverrideList, { items: overrides }))
    .on('PUT', '/api/calendar/overrides', (req) => {
      const body = req.body as { date: string; working: boolean; note: string };
      if (body.note.includes('坏'))
        return fails(400, 'validation_failed', '提交的数据有误', [{ path: 'body.note', message: '最多 200 个字符' }]);
      overrides.push(body);
      return ok(Ok, { ok: true });
    })
    .on('DELETE', '/api/calendar/overrides/2026-10-12', () => {
      overrides.splice(0, 1);
      return ok(Ok, { ok: true });
    });
}

describe('CalendarPage', () => {
  it('marks holidays, 调休 working days and local overrides in the month, and lists the year’s overrides', async () => {
    const api = serverWithCalendar();
    renderWithApp(<CalendarPage />, { path: '/system/calendar?month=2026-10' });
    const off = await screen.findByTestId('calendar-mark-2026-10-01');
    expect(off.textContent).toBe('法定休 · 国庆节');
    expect(screen.getByTestId('calendar-mark-2026-10-10').textContent).toBe('调休上班 · 国庆节');
    expect(screen.getByTestId('calendar-mark-2026-10-12')).toMatchObject({ textContent: '本地休', dataset: { source: 'local' } });
    expect(screen.queryByTestId('calendar-mark-2026-10-13')).toBeNull();
    expect(within(screen.getByTestId('override-2026-10-12')).getByText('防汛调休')).toBeTruthy();
    expect(Object.fromEntries(api.calls('GET', '/api/calendar/year')[0]!.query)).toEqual({ year: '2026' });
    expect(Object.fromEntries(api.calls('GET', '/api/calendar/overrides')[0]!.query)).toEqual({ year: '2026' });
  });

  it('adds an extra working day from a clicked day, showing the server’s field error first', async () => {
    const api = serverWithCalendar();
    renderWithApp(<CalendarPage />, { path: '/system/calendar?month=2026-10' });
    await screen.findByTestId('calendar-mark-2026-10-01');
    // a click on the 17th (a Saturday) opens the form for that day
    await userEvent.click(screen.getByTitle('2026-10-17'));
    const dialog = await screen.findByRole('dialog');
    const date = within(dialog).getByTestId('override-date');
    expect((date instanceof HTMLInputElement ? date : date.querySelector('input')!).value).toBe('2026-10-17');
    await userEvent.click(within(dialog).getByText('上班（补班）'));
    await userEvent.type(within(dialog).getByTestId('override-note'), '坏的说明');
    await userEvent.click(screen.getByTestId('override-save'));
    expect(await within(dialog).findByText('最多 200 个字符')).toBeTruthy();

    await userEvent.clear(within(dialog).getByTestId('override-note'));
    await userEvent.type(within(dialog).getByTestId('override-note'), '区庆补班');
    await userEvent.click(screen.getByTestId('override-save'));
    await waitFor(() => expect(api.calls('PUT', '/api/calendar/overrides')).toHaveLength(2));
    expect(api.calls('PUT', '/api/calendar/overrides')[1]!.body).toEqual({ date: '2026-10-17', working: true, note: '区庆补班' });
    expect(await screen.findByTestId('override-2026-10-17')).toBeTruthy();
  });

  it('removes a local override after confirming', async () => {
    const api = serverWithCalendar();
    renderWithApp(<CalendarPage />, { path: '/system/calendar?month=2026-10' });
    await userEvent.click(await screen.findByTestId('override-remove-2026-10-12'));
    const pop = await screen.findByRole('tooltip');
    await userEvent.click(within(pop).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(api.calls('DELETE', '/api/calendar/overrides/2026-10-12')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('override-2026-10-12')).toBeNull());
  });
});
