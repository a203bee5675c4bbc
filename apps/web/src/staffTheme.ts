import { createTheme, Modal, Notification } from '@mantine/core';
import { theme } from './theme';

/**
 * The staff app's theme. Apart from theme.ts: naming a component here bundles its code, and the public pages, which
 * draw no toasts or dialogs, load theme.ts alone.
 */
export const staffTheme = createTheme({
  ...theme,
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
