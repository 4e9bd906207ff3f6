import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Instruction } from '@qinlian/contracts';
import { formatInstant } from '../../components/time.ts';

/** The unit's 落实反馈 as the leader reads it: what was done, where the proof is, who answered when. */
export function InstructionFeedback({ feedback }: { feedback: NonNullable<Instruction['feedback']> }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} data-testid="instruction-feedback">
      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{feedback.text}</Typography.Text>
      {feedback.evidenceRef && (
        <Typography.Text type="secondary">{t('instruction.evidence', { ref: feedback.evidenceRef })}</Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('instruction.feedbackBy', { name: feedback.byName, at: formatInstant(feedback.at) })}
        {feedback.late && (
          <Tag color="warning" style={{ marginInlineStart: 8 }}>
            {t('instruction.feedbackLate')}
          </Tag>
        )}
      </Typography.Text>
    </Flex>
  );
}
