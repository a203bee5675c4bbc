import { createTheme, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

// Choices below keep the app at WCAG AA (the browser tests run axe-core on it).
export const theme = createTheme({
  primaryColor: 'indigo',
  // White text on shade 7 passes the 4.5:1 contrast ratio; on the default shade 6 it does not.
  primaryShade: 7,
  defaultRadius: 'md',
  components: {
    // Their close buttons are icons only; give them a name screen readers can announce.
    // Its description under a title is gray.6 by default (3.3:1 on white); gray.7 passes.
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-gray-7)' } },
    }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
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
