import { useTranslation } from 'react-i18next';
import type { WhereaboutsState } from '@qinlian/contracts';
import { returnParts } from '../../domain/whereabouts/returnText.ts';

type Props = { state: WhereaboutsState; expectedReturnAt: string | null; testId?: string };

/** 15:00 返回 today; 12月9日 09:00 返回 on another day (the console has room for the time too). */
export function ReturnText({ state, expectedReturnAt, testId }: Props) {
  const { t, i18n } = useTranslation();
  if (!expectedReturnAt || state === 'in_office') return null;
  const back = returnParts(expectedReturnAt, new Date(), i18n.language);
  return (
    <span data-testid={testId}>
      {back.today ? t('whereabouts.backAt', { time: back.time }) : t('whereabouts.backOnAt', { date: back.date, time: back.time })}
    </span>
  );
}
