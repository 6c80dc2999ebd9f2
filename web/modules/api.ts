/**
 * JSON over fetch for the pages: same-origin cookies, the CSRF header on
 * state-changing requests, and the server's problem format
 * `{ error: { code, message, fields? } }` turned into an ApiError.
 */
export const CSRF_HEADER = 'X-CSRF-Token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** Thrown when the request never reached the server (offline, DNS, reset). */
export class NetworkError extends Error {}

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export async function api<T = unknown>(method: string, url: string, body?: unknown, options: { csrf?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = options.csrf ?? csrfToken;
  if (method !== 'GET' && token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const problem = (data as { error?: { code?: string; message?: string; fields?: { field: string; message: string }[] } } | undefined)?.error;
    throw new ApiError(response.status, problem?.code ?? `http_${response.status}`, problem?.message ?? `${method} ${url} failed with ${response.status}`, problem?.fields);
  }
  return data as T;
}
