import type { Theme } from '@mui/material/styles';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

// Officers and facilitators use tablets in halls and fields: 48 px touch targets (Material/WCAG 2.5.5),
// roomier rows and medium-size inputs instead of react-admin's dense desktop defaults.
const TOUCH_TARGET = 48;
const base = defaultTheme.components ?? {};

export const consoleTheme: RaThemeOptions = {
  ...defaultTheme,
  // WCAG 2.2 AA (1.4.3): text on every palette colour, and the colour as text on white, reaches 4.5:1. MUI's own
  // warning (#ed6c02, 3.1:1 with white) and info (#0288d1, 3.9:1) do not; the threshold makes MUI pick dark text
  // wherever white would fall short.
  palette: {
    ...defaultTheme.palette,
    contrastThreshold: 4.5,
    primary: { main: '#1f5f8b' },
    secondary: { main: '#2e6b3f' },
    warning: { main: '#b35100' },
    info: { main: '#01579b' },
  },
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
    // react-admin writes an empty list's message in the disabled grey (2.5:1); it is text to read, not a disabled control.
    // A disabled field's helper says how to enable it ("choose the district first"): it must stay readable.
    MuiFormHelperText: { styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ '&.Mui-disabled': { color: theme.palette.text.secondary } }) } },
    RaEmpty: { styleOverrides: { root: ({ theme }: { theme: Theme }) => ({ '& .RaEmpty-message': { color: theme.palette.text.secondary } }) } },
  },
};
