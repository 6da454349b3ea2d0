import { getToken } from '@rd/testing';
import { e2eEnv } from './e2e-env';

const tokens = new Map<string, string>();

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
  const response = await fetch(`${e2eEnv().gatewayUrl}${path}`, {
    method,
    headers: { ...auth, ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: hasBody ? (typeof body === 'string' ? body : JSON.stringify(body)) : undefined,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}
