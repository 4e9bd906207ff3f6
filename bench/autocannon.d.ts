/** The part of autocannon's API the bench uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    type Histogram = { average: number; total: number; p50: number; p97_5: number; p99: number; max: number };
    type Options = Record<string, unknown> & { url: string; connections?: number; duration?: number };
    type Result = {
      requests: Histogram; latency: Histogram; throughput: Histogram; errors: number; timeouts: number; non2xx: number;
      statusCodeStats?: Record<string, { count: number }>;
    };
  }
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
