import { defaultTheme, type RaThemeOptions } from 'react-admin';

// Officers and facilitators use tablets in halls and fields: 48 px touch targets (Material/WCAG 2.5.5),
// roomier rows and medium-size inputs instead of react-admin's dense desktop defaults.
const TOUCH_TARGET = 48;
const base = defaultTheme.components ?? {};

export const consoleTheme: RaThemeOptions = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#1f5f8b' }, secondary: { main: '#2e6b3f' } },
  typography: { ...defaultTheme.typography, fontSize: 15 },
  sidebar: { width: 260, closedWidth: 64 },
  components: {
    ...base,
    MuiButton: { defaultProps: { size: 'large' }, styleOverrides: { root: { minHeight: 44 } } },
    MuiIconButton: { styleOverrides: { root: { minWidth: TOUCH_TARGET, minHeight: TOUCH_TARGET } } },
    MuiMenuItem: { styleOverrides: { root: { minHeight: TOUCH_TARGET } } },
    MuiTableCell: {
      ...base.MuiTableCell,
      styleOverrides: {
        root: { paddingTop: 14, paddingBottom: 14, '&.MuiTableCell-paddingCheckbox': { padding: '0 8px' } },
      },
    },
    MuiTextField: { ...base.MuiTextField, defaultProps: { ...base.MuiTextField?.defaultProps, size: 'medium' } },
    MuiFormControl: { ...base.MuiFormControl, defaultProps: { ...base.MuiFormControl?.defaultProps, size: 'medium' } },
    MuiChip: { defaultProps: { size: 'medium' } },
  },
};
