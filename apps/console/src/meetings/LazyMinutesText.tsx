import { Suspense, type ComponentProps } from 'react';
import { LinearProgress, useTranslate } from 'react-admin';
import { lazyPage } from '../lazyPage';

const Loaded = lazyPage(() => import('./MinutesText'), 'MinutesText');

/** {@link Loaded MinutesText} with markdown-it (~40 KB gzipped) fetched when minutes are first shown (ADR 45). */
export const MinutesText = (props: ComponentProps<typeof Loaded>) => {
  const translate = useTranslate();
  return (
    <Suspense fallback={<LinearProgress aria-label={translate('ra.page.loading')} />}>
      <Loaded {...props} />
    </Suspense>
  );
};
