import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { z } from 'zod';
import { Measure, Programme } from '@qinlian/contracts';
import { fails, fakeApi, ok } from '../../../test/fakeApi.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { MeasureDrawer } from './MeasureDrawer.tsx';
import { ProgrammeDrawer } from './ProgrammeDrawer.tsx';

const PLAN = '0190f0a0-0000-7000-8000-0000000000a1';
const PROGRAMME = '0190f0a0-0000-7000-8000-0000000000b1';
const MEASURE = '0190f0a0-0000-7000-8000-0000000000c1';
const figures = { progress: 0, taskCount: 0, colours: { none: 0, blue: 0, yellow: 0, red: 0 } };
const measure: z.input<typeof Measure> = {
  id: MEASURE,
  programmeId: PROGRAMME,
  code: 'M05',
  name: '推行限时办结制',
  sort: 2,
  weight: 3,
  version: 4,
  ...figures,
};
const programme: z.input<typeof Programme> = {
  id: PROGRAMME,
  planId: PLAN,
  code: 'P1',
  name: '作风提升工程',
  sort: 1,
  weight: 2,
  leaderPersonId: null,
  leaderName: null,
  version: 6,
  ...figures,
};

/** The measure and programme drawers share their form (useEntryForm) and their code, weight and sort fields (EntryFields). */
describe('the plan editor’s entry drawers', () => {
  it('makes a measure in its programme with the next order, showing the server’s field error first', async () => {
    let attempts = 0;
    const api = fakeApi().on('POST', '/api/plan/measures', () =>
      ++attempts === 1 ? fails(409, 'duplicate', '编号“M06”已存在', [{ path: 'body.code', message: 'duplicate' }]) : ok(Measure, measure),
    );
    const onClose = vi.fn();
    renderWithApp(<MeasureDrawer open programme={{ id: PROGRAMME, name: '作风提升工程' }} measure={null} nextSort={7} onClose={onClose} />);
    expect(screen.getByText(/作风提升工程/)).toBeTruthy();
    await userEvent.type(screen.getByTestId('measure-code'), 'M06');
    await userEvent.type(screen.getByTestId('measure-name'), '  梳理办结事项  ');
    await userEvent.click(screen.getByTestId('measure-save'));
    expect(await screen.findByText('编号“M06”已存在')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();

    await userEvent.click(screen.getByTestId('measure-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(api.calls('POST', '/api/plan/measures').at(-1)!.body).toEqual({
      programmeId: PROGRAMME,
      code: 'M06',
      name: '梳理办结事项',
      weight: 1,
      sort: 7,
    });
  });

  it('edits a programme with its version, its code fixed once made', async () => {
    const api = fakeApi().on('PATCH', `/api/plan/programmes/${PROGRAMME}`, () => ok(Programme, { ...programme, version: 7 }));
    const onClose = vi.fn();
    renderWithApp(<ProgrammeDrawer open planId={PLAN} programme={Programme.parse(programme)} nextSort={9} onClose={onClose} />);
    const code = screen.getByTestId('programme-code');
    expect((code instanceof HTMLInputElement ? code : code.querySelector('input')!).disabled).toBe(true);
    const weight = screen.getByTestId('programme-weight');
    await userEvent.clear(weight);
    await userEvent.type(weight, '5');
    await userEvent.click(screen.getByTestId('programme-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(api.calls('PATCH', `/api/plan/programmes/${PROGRAMME}`)[0]!.body).toEqual({
      name: '作风提升工程',
      weight: 5,
      sort: 1,
      leaderPersonId: null,
      version: 6,
    });
  });
});
