/** Where an upload is: sending bytes (with the fraction sent), or waiting while the server checks the rows. */
export type UploadPhase = { phase: 'uploading'; fraction: number } | { phase: 'processing' };

export interface UploadAnswer {
  status: number;
  body: unknown;
}

export type ImportClient = (path: 'community-imports/dry-run' | 'community-imports', file: Blob, contentType: string, onPhase: (phase: UploadPhase) => void) => Promise<UploadAnswer>;

/**
 * Sends an import file with XMLHttpRequest, which (unlike fetch) reports upload progress, so a large
 * file shows how far it got; once sent, the phase is "processing" until the gateway answers.
 */
export function createImportClient(apiUrl: string, getToken: () => Promise<string>): ImportClient {
  return async (path, file, contentType, onPhase) => {
    const token = await getToken();
    return new Promise<UploadAnswer>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${apiUrl}/${path}`);
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Content-Type', contentType);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onPhase({ phase: 'uploading', fraction: event.loaded / event.total });
      };
      xhr.upload.onload = () => onPhase({ phase: 'processing' });
      xhr.onload = () => {
        let body: unknown;
        try {
          body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
        } catch {
          body = undefined;
        }
        resolve({ status: xhr.status, body });
      };
      xhr.onerror = () => reject(new Error('ra.notification.http_error'));
      onPhase({ phase: 'uploading', fraction: 0 });
      xhr.send(file);
    });
  };
}
