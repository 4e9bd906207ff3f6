import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { z } from 'zod';
import { DepartmentList, PeoplePage as PeoplePageSchema, type Department } from '@qinlian/contracts';
import { ok } from '../../../test/fakeApi.ts';
import { personOf, signedIn } from '../../../test/fixtures.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { PeoplePage } from './PeoplePage.tsx';

const ROOT = '0190f0a0-0000-7000-8000-0000000000d1';
const OFFICE = '0190f0a0-0000-7000-8000-0000000000d2';

const department = (id: string, parentId: string | null, name: string): z.input<typeof DepartmentList>['items'][number] => ({
  id,
  parentId,
  name,
  kind: 'department' satisfies Department['kind'],
  sort: 0,
  archived: false,
  headcount: 3,
  version: 1,
  abilities: { manage: false },
});

const person = personOf({ departmentId: OFFICE, abilities: { manage: false } });

/** A reader of people and departments, signed in; the list answers whatever it is asked. */
function serverWithPeople() {
  return signedIn(['org.read', 'people.read'], { username: 'reader', name: '读者' })
    .on('GET', '/api/departments', () =>
      ok(DepartmentList, { items: [department(ROOT, null, '管委会'), department(OFFICE, ROOT, '党政办公室')] }),
    )
    .on('GET', '/api/people', (req) =>
      ok(PeoplePageSchema, { items: [person], total: 1, page: Number(req.query.get('page')), pageSize: Number(req.query.get('pageSize')) }),
    );
}

describe('PeoplePage filters', () => {
  it('asks for the first page of everyone, then narrows by status, search and department', async () => {
    const api = serverWithPeople();
    renderWithApp(<PeoplePage />, { path: '/org/people' });
    expect(await screen.findByText('王晓明')).toBeTruthy();
    expect(api.lastQuery('/api/people')).toEqual({ page: '1', pageSize: '20' });

    // 状态: 外出
    fireEvent.mouseDown(within(screen.getByTestId('people-status-filter')).getByRole('combobox'));
    await userEvent.click(await screen.findByTitle('外出'));
    await waitFor(() => expect(api.lastQuery('/api/people')).toEqual({ page: '1', pageSize: '20', status: 'away' }));

    // a name, sent on Enter
    await userEvent.type(screen.getByTestId('people-search'), '王晓明{Enter}');
    await waitFor(() => expect(api.lastQuery('/api/people')).toEqual({ page: '1', pageSize: '20', status: 'away', q: '王晓明' }));

    // a department from the tree, with its sub-departments; then without them
    await userEvent.click(await screen.findByTestId(`dept-node-${ROOT}`));
    await waitFor(() =>
      expect(api.lastQuery('/api/people')).toMatchObject({ departmentId: ROOT, subtree: 'true', status: 'away', q: '王晓明' }),
    );
    await userEvent.click(screen.getByRole('checkbox', { name: '含下级部门' }));
    await waitFor(() => expect(api.lastQuery('/api/people')).toMatchObject({ departmentId: ROOT, subtree: 'false' }));

    // 全部部门 drops the department and its subtree flag, keeps the rest
    await userEvent.click(screen.getByTestId('people-all-departments'));
    await waitFor(() => expect(api.lastQuery('/api/people')).toEqual({ page: '1', pageSize: '20', status: 'away', q: '王晓明' }));
  });

  it('clearing the search box asks for everyone again at once', async () => {
    const api = serverWithPeople();
    renderWithApp(<PeoplePage />, { path: '/org/people' });
    await screen.findByText('王晓明');
    await userEvent.type(screen.getByTestId('people-search'), '张{Enter}');
    await waitFor(() => expect(api.lastQuery('/api/people')).toMatchObject({ q: '张' }));
    await userEvent.clear(screen.getByTestId('people-search'));
    await waitFor(() => expect(api.lastQuery('/api/people')).toEqual({ page: '1', pageSize: '20' }));
  });
});
