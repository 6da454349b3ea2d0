// react-admin's bundle pulls ESM the unit runner does not load; its i18n hooks and helpers live in ra-core.
jest.mock('react-admin', () => jest.requireActual('ra-core'));

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nContext, type I18nProvider } from 'react-admin';
import { createI18nProvider, type ConsoleLocale } from '../i18n/i18nProvider';
import { FieldStatusView } from './FieldStatus';
import type { FieldSummary } from './queue/summary';

// The messages of each language are a chunk of their own (ADR 45): loaded once for all the cases.
const providers = {} as Record<ConsoleLocale, I18nProvider>;
beforeAll(async () => {
  for (const locale of ['en', 'ru', 'tg', 'ky'] as const) providers[locale] = await createI18nProvider(locale);
});

const render = (summary: FieldSummary, locale: ConsoleLocale = 'en', onSignIn?: () => void) =>
  renderToStaticMarkup(
    createElement(I18nContext.Provider, { value: providers[locale] }, createElement(FieldStatusView, { summary, onSendNow: () => undefined, onSignIn })),
  );
const summary = (patch: Partial<FieldSummary>): FieldSummary => ({ state: 'all-sent', online: true, waiting: 0, refused: 0, sent: 0, reasons: [], ...patch });

describe('FieldStatusView', () => {
  it('is a polite live status region saying the state', () => {
    const html = render(summary({ state: 'offline', online: false, waiting: 3 }));
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-live="polite"');
    expect(html).toContain('data-state="offline"');
    expect(html).toContain('Offline · waiting to send: 3');
    expect(html).not.toContain('field-send-now');
  });

  it('offers Send now when online with work waiting, and Sign in instead when the session ended', () => {
    expect(render(summary({ state: 'waiting', waiting: 2 }))).toContain('field-send-now');
    const signIn = render(summary({ state: 'attention', waiting: 2, reasons: ['sign-in'] }), 'en', () => undefined);
    expect(signIn).toContain('field-sign-in');
    expect(signIn).not.toContain('field-send-now');
    expect(signIn).toContain('Sign in again to send what is waiting');
  });

  it.each([
    ['en', 'Needs your attention'],
    ['ru', 'Требуется ваше внимание'],
    ['tg', 'Диққати шумо лозим аст'],
    ['ky', 'Сиздин көңүлүңүз керек'],
  ] as const)('speaks %s', (locale, text) => {
    const html = render(summary({ state: 'attention', refused: 1, reasons: ['refused', 'pin'] }), locale);
    expect(html).toContain(text);
    expect(html).toContain('field-status-reason-refused');
    expect(html).toContain('field-status-reason-pin');
  });
});
