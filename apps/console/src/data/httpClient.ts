import { HttpError } from 'react-admin';
import { failureKindKey } from './failure';
import { IdempotencyKeys, isKeyedMethod } from './idempotencyKeys';
import { problemToError } from './problem';

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  json: T;
}

export type HttpClient = <T>(url: string, init?: RequestInit) => Promise<ApiResponse<T>>;

/**
 * fetch with a fresh bearer token on every call and problem+json errors turned into react-admin HttpErrors whose
 * message is the failure's message key (failure.ts), so react-admin's own notifications say it in the reader's language. Every
 * write carries an `Idempotency-Key` (one per user action, reused when the same write is retried) unless the
 * caller set one.
 */
export function createHttpClient(getToken: () => Promise<string>, keys: IdempotencyKeys = new IdempotencyKeys()): HttpClient {
  return async <T>(url: string, init: RequestInit = {}): Promise<ApiResponse<T>> => {
    const headers = new Headers(init.headers);
    const keyed = isKeyedMethod(init.method) && !headers.has('Idempotency-Key');
    if (keyed) headers.set('Idempotency-Key', keys.keyFor(init.method ?? 'POST', url, init.body));
    const settle = (status: number) => keyed && keys.settle(init.method ?? 'POST', url, init.body, status);
    headers.set('Accept', 'application/json, application/problem+json');
    // JSON unless the caller declared the body's type (a file upload sends its own bytes).
    if (init.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    headers.set('Authorization', `Bearer ${await getToken()}`);
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers });
    } catch {
      // Network down or CORS refused: there is no status to report.
      settle(0);
      throw new HttpError(failureKindKey('network'), 0);
    }
    settle(response.status);
    const text = await response.text();
    const payload = parseJson(text);
    if (!response.ok) {
      const { message, body } = problemToError(response.status, payload);
      throw new HttpError(message, response.status, body);
    }
    return { status: response.status, headers: response.headers, json: payload as T };
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
