import { afterEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import i18n from 'i18next';
import { InboxItem, NOTICE_KINDS } from '@qinlian/contracts';
import { changeLanguage } from '../../i18n/index.ts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { InboxRow } from './InboxRow.tsx';
import { kindOf } from './noticeLooks.tsx';

afterEach(() => changeLanguage('zh-CN'));

/**
 * Every kind of notice the server can send (contracts NOTICE_KINDS, which types platform notify's
 * `kind`) has a label of its own in both languages — none falls back to 通知 / Notice.
 */
describe('inbox labels', () => {
  it.each(['zh-CN', 'en-US'] as const)('names every kind the server sends in %s', (lang) => {
    const t = i18n.getFixedT(lang);
    const fallback = t('inbox.kinds.other');
    const labels = NOTICE_KINDS.map((kind) => {
      const { key } = kindOf(kind);
      expect(key, kind).not.toBe('other');
      expect(i18n.exists(`inbox.kinds.${key}`, { lng: lang, fallbackLng: false }), `${lang} inbox.kinds.${key}`).toBe(true);
      return t(`inbox.kinds.${key}`);
    });
    expect(labels).toHaveLength(NOTICE_KINDS.length);
    expect(labels.filter((l) => l === fallback)).toEqual([]);
  });

  it('shows a department review notice as 待部门审核, and in English as Department review', async () => {
    const item = InboxItem.parse({
      id: '0190f0a0-0000-7000-8000-0000000000n1',
      kind: 'task.review',
      title: '【待部门审核】M05-01 梳理限时办结事项清单',
      body: '李敏就任务“梳理限时办结事项清单”报送了进展（30%），请审核后报办公室或退回。',
      link: '/tasks/0190f0a0-0000-7000-8000-0000000000t1',
      entityType: 'task',
      entityId: '0190f0a0-0000-7000-8000-0000000000t1',
      createdAt: '2026-12-07T02:00:00.000Z',
      readAt: null,
      abilities: { markRead: true },
    });
    const { unmount } = renderWithApp(<InboxRow item={item} onOpen={() => {}} onRead={() => {}} reading={false} />);
    expect(screen.getByText('待部门审核')).toBeTruthy();
    expect(screen.queryByText('通知')).toBeNull();
    unmount();
    await changeLanguage('en-US');
    renderWithApp(<InboxRow item={item} onOpen={() => {}} onRead={() => {}} reading={false} />);
    expect(screen.getByText('Department review')).toBeTruthy();
  });

  it('still reads a kind this console does not know as 通知', () => {
    expect(kindOf('task.something_new').key).toBe('other');
  });
});
