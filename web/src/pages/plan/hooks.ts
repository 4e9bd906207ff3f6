import { download } from '../../api/client.ts';

export const exportPlan = (planId: string) => download(`/api/plans/${planId}/export.xlsx`, undefined, 'plan.xlsx');
