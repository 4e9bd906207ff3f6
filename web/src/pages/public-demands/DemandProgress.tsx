import { useTranslation } from 'react-i18next';
import type { PublicDemand } from '@qinlian/contracts';
import { formatMoment } from '../../components/public/format.ts';
import { STAGES, type Stage } from './limits.ts';

/**
 * How many stages are behind the item, less one (-1: received, not yet accepted). 办理 is under way
 * from dispatch until the reply, which completes it together with 答复.
 */
const REACHED: Record<PublicDemand['status'], number> = {
  received: -1,
  rejected: -1,
  accepted: 0,
  dispatched: 1,
  handling: 1,
  replied: 3,
  closed: 4,
};

/** The record's step that reaches each stage (the loop's step names: 签收 `take` starts 办理). */
const MARK: Record<Stage, string> = { accepted: 'accept', dispatched: 'dispatch', handling: 'take', replied: 'reply', closed: 'close' };

/**
 * 办理进度 as five steps — 受理, 派单, 办理, 答复, 办结 — each done, under way or still to come, with
 * when it was reached and by which unit.
 */
export function DemandProgress({ demand }: { demand: PublicDemand }) {
  const { t, i18n } = useTranslation();
  const reached = REACHED[demand.status];
  return (
    <ol className="pd-stages" data-testid="demand-stages" data-reached={reached}>
      {STAGES.map((stage, i) => {
        const state = i <= reached ? 'done' : i === reached + 1 ? 'current' : 'todo';
        const step = demand.steps.findLast((s) => s.kind === MARK[stage]);
        return (
          <li key={stage} className={`pd-stage ${state}`} data-testid="demand-stage" data-stage={stage} data-state={state}>
            <span className="pd-stage-mark" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="pd-stage-body">
              <span className="pd-stage-name">{t(`publicDemands.stages.${stage}`)}</span>
              <span className="visually-hidden">{t(`publicDemands.stageStates.${state}`)}</span>
              {state !== 'todo' && step && (
                <span className="pd-stage-when">
                  {formatMoment(step.at, i18n.language)}
                  {step.departmentName && ` · ${step.departmentName}`}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
