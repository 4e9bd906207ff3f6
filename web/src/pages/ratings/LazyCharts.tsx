import { lazy } from 'react';

/** ECharts arrive with the first chart drawn, in their own chunk, after the figures and the table. */
export const LazyDistributionChart = lazy(async () => ({ default: (await import('./DistributionChart.tsx')).DistributionChart }));
export const LazyMonthlyChart = lazy(async () => ({ default: (await import('./MonthlyChart.tsx')).MonthlyChart }));
export const LazyDepartmentChart = lazy(async () => ({ default: (await import('./DepartmentChart.tsx')).DepartmentChart }));
