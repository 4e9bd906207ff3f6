import { lazy } from 'react';

/** ECharts arrive with the first chart drawn, in their own chunk. */
export const LazyProgressChart = lazy(async () => ({ default: (await import('./ProgressChart.tsx')).ProgressChart }));
export const LazyWarningChart = lazy(async () => ({ default: (await import('./WarningChart.tsx')).WarningChart }));
export const LazyColourDonut = lazy(async () => ({ default: (await import('./ColourDonut.tsx')).ColourDonut }));
