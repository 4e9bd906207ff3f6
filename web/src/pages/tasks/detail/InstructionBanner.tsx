import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskEvent } from '@qinlian/contracts';
import { formatInstant } from '../../../components/time.ts';

/** 领导批示 stand above everything else on the task page, newest first. */
export function InstructionBanner({ events }: { events: TaskEvent[] }) {
  const { t } = useTranslation();
  const instructions = events.filter((e) => e.kind === 'instruct').reverse();
  if (!instructions.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="instruction-banner"
      style={{ marginBottom: 16 }}
      title={t('task.instructionsTitle', { count: instructions.length })}
      description={
        <Flex vertical gap={6}>
          {instructions.slice(0, 3).map((e) => (
            <div key={e.id} data-testid="task-instruction">
              <Typography.Text strong className="instruction-text">
                “{e.text}”
              </Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                — {e.actorName} · {formatInstant(e.at)}
              </Typography.Text>
            </div>
          ))}
        </Flex>
      }
    />
  );
}
