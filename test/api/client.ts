// A tiny GraphQL-over-HTTP client for the API suite.
export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[]; extensions?: Record<string, unknown> };
}

/** Posts a query; headers add to the JSON content type. */
export async function gql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse<T>['body'] };
}

/** The first error code of a response. */
export const codeOf = (r: GqlResponse<unknown>) => r.body.errors?.[0]?.extensions?.code;
