import { Select } from 'antd';
import type { Plan } from '@qinlian/contracts';
import { formatDate } from '../../components/time.ts';

type Props = {
  plan: Plan | undefined;
  plans: Plan[];
  choose: (id: string) => void;
  disabled?: boolean;
  testId: string;
};

/** Which plan the page shows (useCurrentPlan keeps the choice); nothing to choose with only one. */
export function PlanChooser({ plan, plans, choose, disabled, testId }: Props) {
  if (plans.length < 2) return null;
  return (
    <Select
      value={plan?.id}
      onChange={choose}
      disabled={disabled}
      options={plans.map((p) => ({ value: p.id, label: p.name }))}
      style={{ width: 260 }}
      data-testid={testId}
    />
  );
}

/** A plan as a page's subtitle names it: its name and the dates it runs. */
export const planSpan = (plan: Plan) => `${plan.name} · ${formatDate(plan.startDate)} ~ ${formatDate(plan.endDate)}`;
