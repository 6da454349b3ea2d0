import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import { describeFailure, failureKindKey, failureMessageKey } from './failure';

/**
 * A failure in the reader's language, what happened and what to do next: the one way the console words an error
 * (notifications, panels, dialogs). The server's English `detail` is never shown. An error raised on this device
 * may carry a console message key (else `fallback`, else the generic words for this device).
 */
export function useFailureText() {
  const translate = useTranslate();
  return useCallback(
    (error: unknown, fallback?: string) => {
      const failure = describeFailure(error);
      if (failure.kind !== 'other') return translate(failureMessageKey(failure));
      return translate(failure.detail, { _: translate(fallback ?? failureKindKey('other')) });
    },
    [translate],
  );
}
