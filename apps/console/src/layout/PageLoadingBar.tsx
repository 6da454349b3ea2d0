import { LinearProgress, useTranslate } from 'react-admin';
import { usePageLoading } from '../lazyPage';

/**
 * A bar over the app bar while the next page's chunk is fetched (ADR 45): the current page stays until then. Shown
 * after 300 ms only, so a page that comes from the service worker's cache does not flash it.
 */
export const PageLoadingBar = () => {
  const translate = useTranslate();
  if (!usePageLoading()) return null;
  return (
    <LinearProgress
      timeout={300}
      aria-label={translate('ra.page.loading')}
      data-testid="page-loading"
      sx={{ position: 'fixed', top: 0, left: 0, right: 0, width: '100%', m: 0, zIndex: (theme) => theme.zIndex.appBar + 1 }}
    />
  );
};
