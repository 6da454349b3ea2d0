import type { Send, SendAnswer } from './sender';

/**
 * The app's `send`: fetch against the gateway (`apiUrl` ends in /api/v1) with the bearer token and the action's own
 * `Idempotency-Key`; a file goes as its raw bytes, as the sign-in sheet upload online does.
 */
export function createFetchSend(apiUrl: string, fetcher: typeof fetch = (...args) => fetch(...args)): Send {
  return async (request, token): Promise<SendAnswer> => {
    const headers = new Headers({ Accept: 'application/json, application/problem+json', Authorization: `Bearer ${token}` });
    if (request.idempotencyKey) headers.set('Idempotency-Key', request.idempotencyKey);
    let body: BodyInit | undefined;
    if (request.file) {
      headers.set('Content-Type', 'application/octet-stream');
      body = request.file;
    } else if (request.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(request.body);
    }
    let response: Response;
    try {
      response = await fetcher(`${apiUrl}/${request.path.replace(/^\/+/, '')}`, { method: request.method, headers, body });
    } catch {
      return { status: 0 };
    }
    let payload: unknown;
    try {
      const text = await response.text();
      payload = text ? JSON.parse(text) : undefined;
    } catch {
      payload = undefined;
    }
    if (response.ok) return { status: response.status, body: payload };
    const problem = (payload ?? {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return { status: response.status, problem: { code: text(problem.code), title: text(problem.title), detail: text(problem.detail) } };
  };
}
