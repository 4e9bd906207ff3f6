import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { PublicLivelihoodProjects, PublicSolicitation } from '@qinlian/contracts';
import { AppRoutes } from '../../app/routes.tsx';
import { changeLanguage } from '../../i18n/index.ts';
import { fakeApi, ok } from '../../test/fakeApi.ts';

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

const project = {
  id: '0190f0a0-0000-7000-8000-0000000000c1',
  title: '新城片区新建一所公办幼儿园',
  label: '幼儿园、公办、学位',
  people: 6,
  categories: ['教育'],
  departmentName: '社会事务局',
  estimatedCost: 38_000_000,
  stage: 'under_way' as const,
  progress: 40,
  startDate: '2026-03-02',
  dueDate: '2026-12-31',
  withdrawnReason: null,
};
const projects = (year: number) =>
  ok(PublicLivelihoodProjects, {
    year,
    years: [2027, 2026],
    items: [
      project,
      {
        ...project,
        id: '0190f0a0-0000-7000-8000-0000000000c2',
        title: '幸福社区老年食堂',
        stage: 'withdrawn',
        withdrawnReason: '并入明年计划',
      },
    ],
  });

afterEach(() => changeLanguage('zh-CN'));

describe('民生实事项目进展 (/p/projects)', () => {
  it('shows a year’s projects with their stage, progress and due date, the withdrawn one with its reason, and switches years', async () => {
    const api = fakeApi().on('GET', '/api/public/livelihood-projects', (req) => projects(Number(req.query.get('year') ?? 2027)));
    openPublic('/p/projects/2026');
    expect((await screen.findByTestId('public-projects-title')).textContent).toBe('2026年民生实事项目进展');
    expect(api.lastQuery('/api/public/livelihood-projects')).toEqual({ year: '2026' });
    const [building, canteen] = screen.getAllByTestId('public-project');
    expect(building!.textContent).toContain('6 人提出 · 教育');
    expect(building!.textContent).toContain('责任单位：社会事务局');
    expect(building!.textContent).toContain('估算投资：3,800 万元');
    expect(building!.textContent).toContain('2026年12月31日');
    expect(within(building!).getByTestId('public-project-stage').textContent).toBe('推进中');
    expect(within(building!).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    expect(within(canteen!).getByTestId('public-project-withdrawn').textContent).toBe('撤销原因：并入明年计划');

    await userEvent.click(screen.getByRole('link', { name: '2027年' }));
    expect((await screen.findByText('2027年民生实事项目进展')).textContent).toBeTruthy();
  });

  it('reads in English too, and says so when no project has been selected yet', async () => {
    await changeLanguage('en-US');
    fakeApi().on('GET', '/api/public/livelihood-projects', () => ok(PublicLivelihoodProjects, { year: null, years: [], items: [] }));
    openPublic('/p/projects');
    expect(await screen.findByTestId('public-projects-none')).toBeTruthy();
    expect(screen.getByTestId('public-projects-title').textContent).toBe('Livelihood projects');
  });

  it('is linked from the campaign’s page', async () => {
    const campaign: PublicSolicitation = {
      code: 'S4T6Y8U2P3Q5W',
      title: '2027年度民生实事项目征集',
      description: '',
      categories: ['教育'],
      opensOn: '2026-08-06',
      closesOn: '2026-08-30',
      open: false,
    };
    fakeApi().on('GET', `/api/public/solicitations/${campaign.code}`, () => ok(PublicSolicitation, campaign));
    openPublic(`/p/s/${campaign.code}`);
    expect((await screen.findByTestId('solicitation-projects')).getAttribute('href')).toBe('/p/projects');
  });
});
