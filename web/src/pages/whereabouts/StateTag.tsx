import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WhereaboutsState } from '@qinlian/contracts';
import { STATE_TONE, type StateTone } from '../../domain/whereabouts/states.ts';

/** the door board's colours in antd's palette: 在岗 green, 开会 blue, out/trip amber, leave/training grey */
const COLOR: Record<StateTone, string> = { here: 'green', busy: 'blue', out: 'orange', off: 'default' };

export function StateTag({ state, testId }: { state: WhereaboutsState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[STATE_TONE[state]]} data-testid={testId} data-state={state} style={{ marginInlineEnd: 0 }}>
      {t(`whereabouts.states.${state}`)}
    </Tag>
  );
}
