import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { whenUnauthorized } from './api/client';
import { createQueryClient } from './queryClient';
import { router } from './router';
import { staffTheme } from './staffTheme';
import toasts from './toasts.module.css';
import { cssVariablesResolver } from './theme';

const queryClient = createQueryClient();

whenUnauthorized(() => {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  void router.navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true }).then(() => queryClient.clear());
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={staffTheme} cssVariablesResolver={cssVariablesResolver}>
      {/* Top right under the header: clear of the user menu and of the Save and Cancel buttons at the foot of forms. */}
      <Notifications position="top-right" classNames={{ root: toasts.toasts }} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
