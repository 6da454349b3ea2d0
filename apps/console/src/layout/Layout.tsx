import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState } from 'react-admin';
import { AppBar } from './AppBar';

/** react-admin's layout; the page's `lang` follows the chosen language, so screen readers speak Tajik as Tajik (WCAG 3.1.1). */
export const Layout = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <RaLayout appBar={AppBar}>{children}</RaLayout>;
};
