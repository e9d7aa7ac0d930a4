/** The part of autocannon's programmatic API the bench uses (the package ships no types). */
declare module "autocannon" {
  namespace autocannon {
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      /** Seconds before a request counts as a timeout (default 10). */
      timeout?: number;
      /** Sampling interval in ms (default 1000). */
      sampleInt?: number;
      method?: "GET" | "POST";
      headers?: Record<string, string>;
      body?: string;
      requests?: Request[];
    }
    interface Histogram {
      average: number;
      p50: number;
      p99: number;
      total: number;
    }
    interface Result {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      latency: Histogram;
      requests: Histogram;
    }
  }
  function autocannon(
    opts: autocannon.Options,
    cb: (error: Error | null, result: autocannon.Result) => void,
  ): unknown;
  export = autocannon;
}
