/** An average score to one decimal (4.6). */
export const formatAverage = (average: number) => (Math.round(average * 10) / 10).toFixed(1);
