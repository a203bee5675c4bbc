import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Choices below keep the app at WCAG AA (the browser tests run axe-core on it).
// The staff app adds its component defaults in staffTheme.ts.
export const theme = createTheme({
  primaryColor: 'indigo',
  // White text on shade 7 passes the 4.5:1 contrast ratio; on the default shade 6 it does not.
  primaryShade: 7,
  defaultRadius: 'md',
});

/**
 * Mantine's "dimmed" gray (gray.6) is 3.3:1 on white; gray.7 reads as secondary and passes. Its field-error red
 * (red.6) is 3.6:1; red.9 passes.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
