/** The part of autocannon's API the bench uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    type Histogram = { average: number; total: number; p50: number; p97_5: number; p99: number; max: number };
    type Options = Record<string, unknown> & { url: string; connections?: number; duration?: number };
    type Result = {
      requests: Histogram;
      latency: Histogram;
      throughput: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats?: Record<string, { count: number }>;
    };
  }
  function autocannon(opts: autocannon.Options): Promise<autocannon.Result>;
  /** with a callback it returns the running instance, whose 'response' event gives (client, status, bytes, latency ms) */
  function autocannon(
    opts: autocannon.Options,
    done: (err: Error | null, result: autocannon.Result) => void,
  ): {
    on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  };
  export default autocannon;
}
