import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarningColor } from '@qinlian/contracts';
import { WARNING_TAG } from './labels.ts';
import { WarningDot } from './WarningDot.tsx';

/** 蓝色预警 / 黄色预警 / 红色预警 (or 正常), with `data-warning` for tests and styles. */
export function WarningTag({ warning }: { warning: WarningColor }) {
  const { t } = useTranslation();
  return (
    <Tag color={WARNING_TAG[warning]} data-testid="task-warning" data-warning={warning} style={{ marginInlineEnd: 0 }}>
      {warning === 'none' && <WarningDot warning="none" size={7} />} {t(`task.warnings.${warning}`)}
    </Tag>
  );
}
