import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Instruction } from '@qinlian/contracts';

const COLOURS = { noted: 'default', awaiting: 'processing', answered: 'success', overdue: 'error' } as const;

/** 待反馈 / 已反馈 / 无需反馈, and 逾期未反馈 once the date has passed unanswered. */
export function InstructionStateTag({ instruction }: { instruction: Pick<Instruction, 'state' | 'overdue'> }) {
  const { t } = useTranslation();
  const state = instruction.overdue ? 'overdue' : instruction.state;
  return (
    <Tag color={COLOURS[state]} data-testid="instruction-state" data-state={state}>
      {t(`instruction.states.${state}`)}
    </Tag>
  );
}
