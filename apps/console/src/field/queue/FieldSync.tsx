import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { QueuedAction } from '../fieldDb';
import { isUnlocked, unseal } from '../vault/vault';
import { listForUser, onQueueChange, purgeSent } from './queue';
import { sendQueued, type Send, type SendOutcome, type SenderDeps } from './sender';
import { summarize, type FieldSummary } from './summary';

/** Unknown outcomes are tried again this often while something waits and the device is online. */
const RETRY_MS = 30_000;
/** Sent records (no bodies) are kept this long for the list, then removed at the next start. */
const KEEP_SENT_MS = 7 * 24 * 60 * 60 * 1000;

export interface FieldSyncValue {
  userId: string;
  actions: QueuedAction[];
  summary: FieldSummary;
  lastOutcome: SendOutcome | null;
  /** The "Send now" button; also run on start, on the `online` event and every 30 s while work waits. */
  sendNow: () => Promise<void>;
  /** Read the vault state again (after the PIN was entered). */
  refresh: () => void;
}

const FieldSyncContext = createContext<FieldSyncValue | null>(null);

const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false);

/**
 * Keeps the queue's picture for the indicator and the hold forms, and sends: at start, when the browser says it is
 * back online, every 30 s while work waits, and when the user presses "Send now".
 */
export function FieldSyncProvider({ userId, send, token, children }: { userId: string; send: Send; token: SenderDeps['token']; children: ReactNode }) {
  const [actions, setActions] = useState<QueuedAction[]>([]);
  const [online, setOnline] = useState(isOnline);
  const [sending, setSending] = useState(false);
  const [lastOutcome, setLastOutcome] = useState<SendOutcome | null>(null);
  const [unlocked, setUnlocked] = useState(() => isUnlocked(userId));
  const deps = useRef({ send, token });
  deps.current = { send, token };

  const reload = useCallback(() => {
    setUnlocked(isUnlocked(userId));
    void listForUser(userId).then(setActions);
  }, [userId]);

  const sendNow = useCallback(async () => {
    setSending(true);
    try {
      setLastOutcome(await sendQueued({ userId, send: deps.current.send, token: deps.current.token, online: isOnline, unseal }));
    } catch {
      // IndexedDB refused (storage evicted, private mode): nothing was marked sent; the next trigger tries again.
    } finally {
      setSending(false);
      reload();
    }
  }, [userId, reload]);

  useEffect(() => {
    void purgeSent(userId, Date.now() - KEEP_SENT_MS).catch(() => undefined);
    reload();
    void sendNow();
    const off = onQueueChange(reload);
    const wentOnline = () => {
      setOnline(true);
      void sendNow();
    };
    const wentOffline = () => setOnline(false);
    window.addEventListener('online', wentOnline);
    window.addEventListener('offline', wentOffline);
    return () => {
      off();
      window.removeEventListener('online', wentOnline);
      window.removeEventListener('offline', wentOffline);
    };
  }, [userId, reload, sendNow]);

  const waiting = actions.some((action) => action.state === 'waiting');
  useEffect(() => {
    if (!waiting || !online) return;
    const timer = window.setInterval(() => void sendNow(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, online, sendNow]);

  const value = useMemo<FieldSyncValue>(
    () => ({
      userId,
      actions,
      lastOutcome,
      sendNow,
      refresh: reload,
      summary: summarize({ actions, online, sending, lastRun: lastOutcome?.run ?? null, unlocked }),
    }),
    [userId, actions, lastOutcome, sendNow, reload, online, sending, unlocked],
  );
  return <FieldSyncContext.Provider value={value}>{children}</FieldSyncContext.Provider>;
}

export function useFieldSync(): FieldSyncValue {
  const value = useContext(FieldSyncContext);
  if (!value) throw new Error('useFieldSync outside FieldSyncProvider');
  return value;
}
