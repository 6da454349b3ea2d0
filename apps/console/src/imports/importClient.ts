import { IdempotencyKeys } from '../data/idempotencyKeys';
import { failureKindKey } from '../data/failure';

/** Where an upload is: sending bytes (with the fraction sent), or waiting while the server checks the rows. */
export type UploadPhase = { phase: 'uploading'; fraction: number } | { phase: 'processing' };

export interface UploadAnswer {
  status: number;
  body: unknown;
}

/** POST of an import file to a gateway path under /api/v1 (e.g. `community-imports/dry-run`). */
export type ImportClient = (path: string, file: Blob, contentType: string, onPhase: (phase: UploadPhase) => void) => Promise<UploadAnswer>;

/**
 * Sends an import file with XMLHttpRequest, which (unlike fetch) reports upload progress, so a large
 * file shows how far it got; once sent, the phase is "processing" until the gateway answers. Every upload carries
 * an `Idempotency-Key` (ADR 29): the same file sent again to the same path while the first answer is unknown (no
 * answer, 5xx, 409) reuses it, so an import applied once is not applied twice.
 */
export function createImportClient(apiUrl: string, getToken: () => Promise<string>, keys: IdempotencyKeys = new IdempotencyKeys()): ImportClient {
  return async (path, file, contentType, onPhase) => {
    const token = await getToken();
    const url = `${apiUrl}/${path}`;
    const key = keys.keyFor('POST', url, file);
    const settle = (status: number) => keys.settle('POST', url, file, status);
    return new Promise<UploadAnswer>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Content-Type', contentType);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.setRequestHeader('Idempotency-Key', key);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onPhase({ phase: 'uploading', fraction: event.loaded / event.total });
      };
      xhr.upload.onload = () => onPhase({ phase: 'processing' });
      xhr.onload = () => {
        settle(xhr.status);
        let body: unknown;
        try {
          body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: xhr.status, body });
      };
      xhr.onerror = () => {
        settle(0);
        // No answer: a network failure (status 0, as httpClient.ts), never told as a refusal.
        reject(Object.assign(new Error(failureKindKey('network')), { status: 0 }));
      };
      onPhase({ phase: 'uploading', fraction: 0 });
      xhr.send(file);
    });
  };
}
