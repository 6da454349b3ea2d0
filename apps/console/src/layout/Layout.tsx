import type { Theme } from '@mui/material/styles';
import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState } from 'react-admin';
import { AppBar } from './AppBar';

/**
 * react-admin's layout is at least as wide as its content's `fit-content`, and its flex items are at least as wide as
 * their content (`min-width: auto`): a meeting's step tabs (a scrollable row ~680 px wide) made the page that wide,
 * so on a 360 px phone the whole page scrolled sideways and a long title stayed on one line. On phones the layout and
 * the page cards take the screen's width instead: the tabs scroll inside it and text wraps (WCAG 1.4.10 reflow).
 * Wider screens keep react-admin's rule, under which a wide table widens the page rather than being cut.
 */
const fitThePhoneScreen = (theme: Theme) => ({
  [theme.breakpoints.down('sm')]: {
    minWidth: 0,
    '& .RaLayout-content, & .RaShow-main, & .RaShow-card, & .RaEdit-main, & .RaEdit-card, & .RaCreate-main, & .RaCreate-card': { minWidth: 0 },
  },
});

/** react-admin's layout; the page's `lang` follows the chosen language, so screen readers speak Tajik as Tajik (WCAG 3.1.1). */
export const Layout = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <RaLayout appBar={AppBar} sx={fitThePhoneScreen}>
      {children}
    </RaLayout>
  );
};
