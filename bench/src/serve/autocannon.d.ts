// autocannon ships no types; the benchmark uses this much of it.
declare module 'autocannon' {
  interface Options {
    url: string;
    connections: number;
    duration: number;
    requests: { method: string; setupRequest: (req: Record<string, unknown>) => Record<string, unknown> }[];
  }
  interface Result {
    requests: { total: number };
    errors: number;
    non2xx: number;
  }
  export default function autocannon(options: Options): Promise<Result>;
}
