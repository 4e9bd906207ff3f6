import { lazy } from 'react';

/** ECharts arrive with the first chart drawn, in their own chunk, after the figures and the clusters. */
export const LazyShareChart = lazy(async () => ({ default: (await import('./FigureCharts.tsx')).ShareChart }));
export const LazyWeekChart = lazy(async () => ({ default: (await import('./FigureCharts.tsx')).WeekChart }));
