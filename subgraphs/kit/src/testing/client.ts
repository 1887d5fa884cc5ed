export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** A real HTTP client: tests talk to servers the way frontends do. */
export class GraphQLClient {
  constructor(
    readonly url: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: res.status, ...body };
  }

  /** The data, or a thrown error naming the GraphQL errors. */
  async data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await this.request<T>(query, variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }
}

/** The one error code of a refused operation. */
export const errorCode = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.code;
