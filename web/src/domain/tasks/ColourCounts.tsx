import { Flex, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarningColor } from '@qinlian/contracts';
import { WARNINGS } from './labels.ts';
import { WarningDot } from './WarningDot.tsx';

type Props = { colours: Partial<Record<WarningColor, number>>; onPick?: (w: WarningColor) => void; hideNone?: boolean };

/** ● 3  ● 5  ● 2  ● 12 — how many tasks wear each colour. */
export function ColourCounts({ colours, onPick, hideNone }: Props) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap className="colour-counts">
      {WARNINGS.filter((w) => !(hideNone && w === 'none')).map((w) => (
        <Tooltip key={w} title={t(`task.warnings.${w}`)}>
          <span
            className={onPick ? 'colour-count clickable' : 'colour-count'}
            onClick={onPick ? () => onPick(w) : undefined}
            data-testid={`colour-count-${w}`}
          >
            <WarningDot warning={w} size={9} /> {colours[w] ?? 0}
          </span>
        </Tooltip>
      ))}
    </Flex>
  );
}
