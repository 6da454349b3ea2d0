import { useEffect, useRef } from 'react';
import type { ConsoleLocale } from '../i18n/locales';
import type { BootMessages } from './bootMessages';

const retry = () => window.location.reload();

/**
 * What the console shows when it cannot sign in: offline (no network, or Keycloak unreachable) it says it will sign
 * in once the connection is back and does so on the browser's `online` event; otherwise the start failed outright.
 * Plain React and inline styles: react-admin, MUI's theme and the i18n provider are not running yet.
 */
export function BootScreen({ locale, messages, offline }: { locale: ConsoleLocale; messages: BootMessages; offline: boolean }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
    if (!offline) return undefined;
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [offline]);
  return (
    <main
      lang={locale}
      data-testid={offline ? 'boot-offline' : 'boot-failed'}
      aria-labelledby="boot-title"
      style={{ fontFamily: 'Roboto, Helvetica, Arial, sans-serif', maxWidth: 480, margin: '15vh auto 0', padding: '0 24px', color: '#1b1b1b', lineHeight: 1.5 }}
    >
      <div role="alert">
        <h1 id="boot-title" style={{ fontSize: '1.5rem', color: '#1f5f8b', margin: '0 0 12px' }}>
          {offline ? messages.offlineTitle : messages.failed}
        </h1>
        {offline && <p style={{ fontSize: '1rem', margin: '0 0 24px' }}>{messages.offlineBody}</p>}
      </div>
      <button
        ref={button}
        type="button"
        onClick={retry}
        style={{ minHeight: 48, minWidth: 120, padding: '0 20px', fontSize: '1rem', border: 0, borderRadius: 4, background: '#1f5f8b', color: '#fff', cursor: 'pointer' }}
      >
        {messages.retry}
      </button>
    </main>
  );
}
