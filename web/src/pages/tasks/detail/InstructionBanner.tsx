import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Instruction } from '@qinlian/contracts';
import { formatDate, formatInstant } from '../../../components/time.ts';
import { InstructionFeedback } from '../../../domain/instructions/InstructionFeedback.tsx';
import { InstructionStateTag } from '../../../domain/instructions/InstructionStateTag.tsx';

/**
 * 领导批示 stand above everything else on the task page, newest first: what the leader said, and —
 * when they asked for 落实反馈 — whether it is due, overdue or given, with the button to give it.
 */
export function InstructionBanner({ instructions, onFeedback }: { instructions: Instruction[]; onFeedback: (i: Instruction) => void }) {
  const { t } = useTranslation();
  if (!instructions.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="instruction-banner"
      style={{ marginBottom: 16 }}
      title={t('instruction.bannerTitle', { count: instructions.length })}
      description={
        <Flex vertical gap={10}>
          {instructions.slice(0, 5).map((i) => (
            <div key={i.id} data-testid="task-instruction">
              <Typography.Text strong className="instruction-text" style={{ whiteSpace: 'pre-wrap' }}>
                “{i.text}”
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                — {i.leaderName} · {formatInstant(i.createdAt)}
              </Typography.Text>
              {i.state !== 'noted' && (
                <Flex gap={8} align="center" wrap style={{ marginTop: 4 }}>
                  <InstructionStateTag instruction={i} />
                  {i.feedbackDueDate && i.state === 'awaiting' && (
                    <Typography.Text type={i.overdue ? 'danger' : 'secondary'}>
                      {t('instruction.dueBy', { date: formatDate(i.feedbackDueDate) })}
                    </Typography.Text>
                  )}
                  {i.abilities.feedback && (
                    <Button size="small" type="primary" onClick={() => onFeedback(i)} data-testid="task-instruction-feedback">
                      {t('instruction.feedback')}
                    </Button>
                  )}
                </Flex>
              )}
              {i.feedback && (
                <div style={{ marginTop: 4, paddingInlineStart: 12, borderInlineStart: '2px solid #f0c36d' }}>
                  <InstructionFeedback feedback={i.feedback} />
                </div>
              )}
            </div>
          ))}
        </Flex>
      }
    />
  );
}
