import { createContext, useContext } from 'react';
import { HttpError } from 'react-admin';
import { failureKindKey } from './failure';
import { problemToError } from './problem';

export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** GET of a file under the API (e.g. an export's content) with the user's token; a plain link would carry none. */
export type FileClient = (path: string) => Promise<DownloadedFile>;

/** `attachment; filename="report.csv"` → `report.csv`. */
export function fileNameOf(disposition: string | null): string | null {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return match ? decodeURIComponent(match[1]) : null;
}

export function createFileClient(apiUrl: string, getToken: () => Promise<string>): FileClient {
  return async (path) => {
    const headers = { Authorization: `Bearer ${await getToken()}`, Accept: '*/*' };
    let response: Response;
    try {
      response = await fetch(`${apiUrl}/${path.replace(/^\/+/, '')}`, { headers });
    } catch {
      // No answer at all: told as a network failure, never as a refusal (failure.ts).
      throw new HttpError(failureKindKey('network'), 0);
    }
    if (!response.ok) {
      const text = await response.text();
      let payload: unknown;
      try {
        payload = text ? JSON.parse(text) : undefined;
      } catch {
        payload = undefined;
      }
      const { message, body } = problemToError(response.status, payload);
      throw new HttpError(message, response.status, body);
    }
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('Content-Disposition')) };
  };
}

export const FileClientContext = createContext<FileClient | undefined>(undefined);

export function useFileClient(): FileClient {
  const client = useContext(FileClientContext);
  if (!client) throw new Error('FileClientContext is not provided');
  return client;
}

/** Hands a downloaded file to the browser as a download. */
export function saveFile({ blob, fileName }: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName ?? fallbackName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
