import { describe, expect, it } from 'vitest';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Solicitation, SolicitationList } from '@qinlian/contracts';
import { fails, ok } from '../../test/fakeApi.ts';
import { signedIn } from '../../test/fixtures.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { SolicitationsPage } from './SolicitationsPage.tsx';

// antd's first render of a whole page is slow on a busy two-core machine
configure({ asyncUtilTimeout: 5000 });

const ID = '0190f0a0-0000-7000-8000-0000000000c1';
const campaign = (over: Partial<Solicitation> = {}): Solicitation =>
  Solicitation.parse({
    id: ID,
    code: 'S4T6Y8U2P3Q5W',
    title: '2027年度民生实事项目征集',
    description: '请您说说明年最希望办的实事',
    categories: ['教育', '交通'],
    opensOn: '2026-08-06',
    closesOn: '2026-08-30',
    open: false,
    publicPath: '/p/s/S4T6Y8U2P3Q5W',
    submissions: 12,
    version: 2,
    ...over,
  });

const open = (items: Solicitation[]) => {
  const api = signedIn(['demands.read', 'demands.manage']).on('GET', '/api/solicitations', () => ok(SolicitationList, { items }));
  renderWithApp(<SolicitationsPage />);
  return api;
};

describe('征集活动', () => {
  it('lists each campaign with its categories, its count linking to its suggestions, and its public page', async () => {
    open([campaign()]);
    const row = await screen.findByTestId('solicitation-row');
    expect(within(row).getByTestId('solicitation-row-title').textContent).toContain('2027年度民生实事项目征集');
    expect(row.textContent).toContain('教育');
    expect(row.textContent).toContain('已结束');
    expect(within(row).getByText('12').closest('a')!.getAttribute('href')).toBe(`/demands?box=all&solicitationId=${ID}`);
    expect(within(row).getByText('打开公开页').closest('a')!.getAttribute('href')).toBe('/p/s/S4T6Y8U2P3Q5W');
  });

  it('edits a campaign at the version it read, a new category typed as a tag', async () => {
    const api = open([campaign()]).on('PATCH', `/api/solicitations/${ID}`, () => ok(Solicitation, campaign({ version: 3 })));
    await userEvent.click(await screen.findByTestId('solicitation-edit'));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByTestId('solicitation-title') as HTMLInputElement;
    await waitFor(() => expect(title.value).toBe('2027年度民生实事项目征集'));
    await userEvent.type(within(dialog).getByTestId('solicitation-categories').querySelector('input')!, '养老{enter}');
    await userEvent.click(within(dialog).getByTestId('solicitation-save'));
    await waitFor(() => expect(api.calls('PATCH', `/api/solicitations/${ID}`)).toHaveLength(1));
    expect(api.calls('PATCH', `/api/solicitations/${ID}`)[0]!.body).toEqual({
      title: '2027年度民生实事项目征集',
      description: '请您说说明年最希望办的实事',
      categories: ['教育', '交通', '养老'],
      opensOn: '2026-08-06',
      closesOn: '2026-08-30',
      version: 2,
    });
  });

  it("shows the server's refusal in the dialog", async () => {
    open([campaign()]).on('PATCH', `/api/solicitations/${ID}`, () => fails(409, 'version_conflict', '这条记录已被他人修改，请刷新后重试'));
    await userEvent.click(await screen.findByTestId('solicitation-edit'));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect((within(dialog).getByTestId('solicitation-title') as HTMLInputElement).value).not.toBe(''));
    await userEvent.click(within(dialog).getByTestId('solicitation-save'));
    expect((await within(dialog).findByTestId('form-errors')).textContent).toContain('已被他人修改');
  });
});
