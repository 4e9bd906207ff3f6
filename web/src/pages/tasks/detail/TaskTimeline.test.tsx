import { afterEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { TaskEvent } from '@qinlian/contracts';
import { changeLanguage } from '../../../i18n/index.ts';
import { renderWithApp } from '../../../test/renderWithApp.tsx';
import { TaskTimeline } from './TaskTimeline.tsx';

const event = (n: number, kind: TaskEvent['kind'], actorName: string, text: string, textEn?: string | null) =>
  TaskEvent.parse({
    id: `0190f0a0-0000-7000-8000-00000000000${n}`,
    taskId: '0190f0a0-0000-7000-8000-0000000000t1',
    kind,
    actorName,
    at: `2026-12-07T0${n}:00:00.000Z`,
    text,
    textEn,
    percent: null,
    files: [],
  });

// oldest first, as the server answers: a colour change and an escalation the system wrote, a person's report
const EVENTS = [
  event(1, 'warning', '系统', '预警：黄色 → 红色', 'Warning: yellow → red'),
  event(
    2,
    'escalate',
    '系统',
    '红灯持续 3 个工作日，升级督办至牵头部门负责人',
    'Red for 3 working days; escalated to the head of the lead department',
  ),
  event(3, 'report', '李敏', '已完成清单初稿', null),
];
const texts = () => screen.getAllByTestId('task-event').map((e) => e.querySelector('.task-event-text')?.textContent);

afterEach(() => changeLanguage('zh-CN'));

describe('TaskTimeline', () => {
  it('shows what the system wrote in Chinese in the Chinese console', () => {
    renderWithApp(<TaskTimeline events={EVENTS} loading={false} />);
    expect(texts()).toEqual(['已完成清单初稿', '红灯持续 3 个工作日，升级督办至牵头部门负责人', '预警：黄色 → 红色']);
  });

  it('shows its English in the English console, and what people typed as typed', async () => {
    await changeLanguage('en-US');
    renderWithApp(<TaskTimeline events={EVENTS} loading={false} />);
    expect(texts()).toEqual([
      '已完成清单初稿',
      'Red for 3 working days; escalated to the head of the lead department',
      'Warning: yellow → red',
    ]);
  });

  it('falls back to the Chinese text for events written before there was an English one', async () => {
    await changeLanguage('en-US');
    renderWithApp(<TaskTimeline events={[event(4, 'grade', '王晓明', '准3 快4 实5 浓4 显3')]} loading={false} />);
    expect(texts()).toEqual(['准3 快4 实5 浓4 显3']);
  });
});
