import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { EnquiryDetail, EnquiryHandover } from '@qinlian/contracts';
import { renderWithApp } from '../../test/renderWithApp.tsx';
import { HandoverChain } from './HandoverChain.tsx';

const step = (over: Partial<EnquiryHandover>): EnquiryHandover => ({
  id: 'h1',
  kind: 'handover',
  fromPersonId: 'p-zhang',
  fromName: '张三',
  to: { kind: 'post', id: 'post-1', name: '登记岗', actingPersonName: '王五' },
  note: null,
  status: 'accepted',
  decidedByName: '王五',
  actingForName: '李四',
  decisionNote: null,
  decidedAt: '2026-12-07T03:00:00.000Z',
  createdAt: '2026-12-07T02:00:00.000Z',
  ...over,
});

const enquiry = (handovers: EnquiryHandover[], over: Partial<EnquiryDetail> = {}) =>
  ({
    registeredByName: '张三',
    createdAt: '2026-12-07T01:00:00.000Z',
    handovers,
    repliedAt: null,
    repliedByName: null,
    replyWay: null,
    closedAt: null,
    ...over,
  }) as EnquiryDetail;

describe('the hand-over chain (移交记录)', () => {
  it('reads registered, each hand-over and how it was decided — B accepting for A marked so — then the reply', () => {
    renderWithApp(
      <HandoverChain
        enquiry={enquiry(
          [
            step({
              id: 'h0',
              to: { kind: 'person', id: 'p-zhao', name: '赵六', actingPersonName: null },
              status: 'declined',
              decidedByName: '赵六',
              actingForName: null,
              decisionNote: '不属本人职责',
            }),
            step({}),
          ],
          { repliedAt: '2026-12-07T05:00:00.000Z', repliedByName: '王五', replyWay: 'phone' },
        )}
      />,
    );
    const steps = screen.getAllByTestId('enquiry-chain-step');
    expect(steps.map((s) => s.dataset.status)).toEqual(['declined', 'accepted']);
    expect(steps[0]!.textContent).toContain('张三 移交给人员“赵六”');
    expect(steps[0]!.textContent).toContain('赵六 已退回');
    expect(steps[0]!.textContent).toContain('不属本人职责');
    expect(steps[1]!.textContent).toContain('张三 移交给岗位“登记岗”');
    expect(steps[1]!.textContent).toContain('代 李四');
    const chain = screen.getByTestId('enquiry-chain').textContent!;
    expect(chain).toContain('张三 登记（首问）');
    expect(chain).toContain('王五 答复（电话答复）');
  });

  it('shows markup in a note as the text it is', () => {
    const note = '<img src=x onerror="alert(1)"><b>急</b>';
    const { container } = renderWithApp(
      <HandoverChain enquiry={enquiry([step({ note, status: 'pending', decidedByName: null, decidedAt: null, actingForName: null })])} />,
    );
    expect(screen.getByTestId('enquiry-chain-step').textContent).toContain(note);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });
});
