import { getToken } from '@rd/testing';
import { request as httpRequest } from 'node:http';
import { e2eEnv } from './e2e-env';

const tokens = new Map<string, string>();

/** Drops the cached token of a user whose token claims changed (e.g. the organisation), so the next call signs in again. */
export function forgetToken(username: string): void {
  tokens.delete(username);
}

/** A real access token for a demo user, by the password grant of the test-only client. */
export async function tokenFor(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const token = await getToken(username, undefined, { keycloakUrl: e2eEnv().keycloakUrl });
  tokens.set(username, token);
  return token;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Bodies above this are sent only after the server had a moment to refuse them from their Content-Length. */
const LARGE_BODY_BYTES = 1024 * 1024;
const EARLY_ANSWER_WAIT_MS = 1_000;

/**
 * One HTTP request that resolves with the response even when the server refuses the body from its Content-Length
 * (413) before reading it. Writing a large body the server will not read makes it close the connection with unread
 * data, which resets it and can lose the answer on the client (fetch then reports EPIPE): so a large body waits a
 * moment after the headers, and is not written at all once the answer has come.
 */
export function send(url: string, init: { method: string; headers?: Record<string, string>; body?: string | Uint8Array }): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const body = init.body === undefined ? undefined : typeof init.body === 'string' ? Buffer.from(init.body) : Buffer.from(init.body);
    const req = httpRequest(url, { method: init.method, headers: { ...init.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) } }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        resolve({ status: res.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString('utf8') });
        req.destroy();
      });
    });
    // A write cut short by an early answer is not a failure: the response event still comes.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (answered || error.code === 'EPIPE' || error.code === 'ECONNRESET') setTimeout(() => answered || reject(error), 2_000);
      else reject(error);
    });
    if (!body || body.length <= LARGE_BODY_BYTES) {
      req.end(body);
      return;
    }
    req.flushHeaders();
    setTimeout(() => {
      if (!answered) req.end(body);
    }, EARLY_ANSWER_WAIT_MS);
  });
}

/** Calls the gateway as `user` (or anonymously with `null`). */
export async function api<T = unknown>(
  user: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const auth: Record<string, string> = user ? { Authorization: `Bearer ${await tokenFor(user)}` } : {};
  const hasBody = body !== undefined;
  const response = await send(`${e2eEnv().gatewayUrl}${path}`, {
    method,
    headers: { ...auth, ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: hasBody ? (typeof body === 'string' ? body : JSON.stringify(body)) : undefined,
  });
  const text = response.text;
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}
