import { describe, expect, it } from 'vitest';
import { errorMessage } from '@qinlian/contracts';
import { actorOf, ORG } from '../../../test/actors.ts';
import type { DutyHolder } from '../org/index.ts';
import { badgePolicy } from './badges.policy.ts';
import { leadPost, shownDuties } from './badges.presenter.ts';
import { findCjkFont, renderCardPdf, SYSTEM_CJK_FONT, type PrintCard } from './badges.print.ts';

const card: PrintCard = {
  name: '张晓明',
  title: '科员',
  departmentName: '行政审批局',
  postName: '企业登记窗口',
  role: 'A',
  duties: '受理企业登记',
  backupName: '李红',
  displayCode: '7KQ3-MZ8R-XH2W-5',
  url: 'https://qinlian.example.gov.cn/p/b/7KQ3MZ8RXH2W5',
  photo: null,
};

describe('printing badges without and with a Chinese font', () => {
  it('answers 503 print_font_missing, in both languages, when no CJK font is installed', async () => {
    expect(findCjkFont([{ file: '/nonexistent/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' }])).toBeNull();
    await expect(renderCardPdf(card, 'badge', null)).rejects.toMatchObject({ code: 'print_font_missing', status: 503 });
    expect(errorMessage('print_font_missing', 'zh-CN')).toContain('fonts-noto-cjk');
    expect(errorMessage('print_font_missing', 'en-US')).toContain('No Chinese font is installed');
  });

  it.skipIf(!SYSTEM_CJK_FONT)('fits a long name, post and duties on one page of each layout', async () => {
    const long = {
      ...card,
      name: '阿卜杜热合曼·买买提明·艾力江',
      departmentName: '行政审批服务局企业登记科'.repeat(3),
      duties: '职责'.repeat(400),
    };
    for (const layout of ['badge', 'desk-card'] as const) {
      const pdf = (await renderCardPdf(long, layout)).toString('latin1');
      expect(pdf.startsWith('%PDF-')).toBe(true);
      expect(pdf.match(/\/Count (\d+)/)?.[1]).toBe('1');
    }
  });
});

describe('what a badge leads with', () => {
  const holder = (posts: DutyHolder['posts']): DutyHolder => ({
    id: 'p1',
    name: '张晓明',
    departmentId: ORG.A,
    status: 'active',
    title: null,
    hasPhoto: false,
    posts,
  });
  const asB = { id: 'post-b', name: '咨询台', duties: '解答咨询', role: 'B' as const, backupName: '王五' };
  const asA = { id: 'post-a', name: '登记窗口', duties: '受理登记', role: 'A' as const, backupName: '李红' };

  it('shows the post held as A before one held as B, and the person’s own duties before the post’s', () => {
    expect(leadPost(holder([asB, asA]))).toBe(asA);
    expect(leadPost(holder([asB]))).toBe(asB);
    expect(leadPost(holder([]))).toBeNull();
    const badge = { personId: 'p1', code: 'X', duties: null, issuedAt: '', revokedAt: null, updatedAt: '' };
    expect(shownDuties(holder([asB, asA]), badge)).toBe('受理登记');
    expect(shownDuties(holder([asA]), { ...badge, duties: '本人职责' })).toBe('本人职责');
    expect(shownDuties(holder([]), null)).toBeNull();
  });
});

describe('who may do what with a badge', () => {
  const inA = { personId: 'person-a', departmentId: ORG.A };
  const ACTORS = {
    'the person': actorOf({ permissions: ['people.read'], scope: 'dept', personId: 'person-a' }),
    'a colleague': actorOf({ permissions: ['people.read'], scope: 'dept', personId: 'person-c' }),
    'the head of A': actorOf({ permissions: ['people.read', 'badges.manage'], scope: 'dept_and_below', personId: 'person-h' }),
    'the head of B': actorOf({ permissions: ['people.read', 'badges.manage'], scope: 'dept', departmentId: ORG.B, personId: 'person-hb' }),
    'the office': actorOf({ permissions: ['people.read', 'badges.manage'], scope: 'all', departmentId: ORG.ROOT, personId: 'person-o' }),
    'self scope, own badge': actorOf({ permissions: ['people.read'], scope: 'self', personId: 'person-a' }),
  } as const;
  it.each<[keyof typeof ACTORS, boolean, boolean, boolean]>([
    // who, sees, edits (and reissues), revokes
    ['the person', true, true, false],
    ['a colleague', true, false, false],
    ['the head of A', true, true, true],
    ['the head of B', false, false, false],
    ['the office', true, true, true],
    ['self scope, own badge', true, true, false],
  ])('%s: sees %s, edits %s, revokes %s', (who, sees, edits, revokes) => {
    const a = ACTORS[who];
    expect(badgePolicy.canSee(a, inA)).toBe(sees);
    expect(badgePolicy.allowed(a, 'edit', inA)).toBe(edits);
    expect(badgePolicy.allowed(a, 'reissue', inA)).toBe(edits);
    expect(badgePolicy.allowed(a, 'revoke', inA)).toBe(revokes);
  });
});
