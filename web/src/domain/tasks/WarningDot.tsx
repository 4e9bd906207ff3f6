import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarningColor } from '@qinlian/contracts';
import { WARNING_HEX } from './labels.ts';

/** The colour dot in front of a task's code. */
export function WarningDot({ warning, size = 10, tooltip = false }: { warning: WarningColor; size?: number; tooltip?: boolean }) {
  const { t } = useTranslation();
  const dot = (
    <span
      className={`warning-dot warning-dot-${warning}`}
      aria-label={t(`task.warnings.${warning}`)}
      data-warning={warning}
      style={{ width: size, height: size, background: WARNING_HEX[warning] }}
    />
  );
  return tooltip ? <Tooltip title={t(`task.warnings.${warning}`)}>{dot}</Tooltip> : dot;
}
