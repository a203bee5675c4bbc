// Mantine's styles for the components these pages draw, a dependency before its dependents (Button uses
// UnstyledButton and Loader, the inputs Input, NativeSelect Combobox's chevron): a third of its full stylesheet.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/VisuallyHidden.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/Center.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/SimpleGrid.css';
import '@mantine/core/styles/Container.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Title.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Divider.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Skeleton.css';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/ThemeIcon.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Combobox.css';
import '@mantine/core/styles/CheckboxIndicator.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/RadioIndicator.css';
import '@mantine/core/styles/RadioCard.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Timeline.css';
import '@mantine/core/styles/Progress.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { PublicLayout } from './pages/public/PublicLayout';
import { RequestPage } from './pages/public/RequestPage';
import { RequestStatusPage } from './pages/public/RequestStatusPage';
import { RequestThanksPage } from './pages/public/RequestThanksPage';
import { createQueryClient } from './queryClient';
import { cssVariablesResolver, theme } from './theme';

/** The readiness self-assessment loads on its own (a chunk of its own), so /request keeps its budget. */
const AssessmentPage = lazy(() => import('./pages/public/AssessmentPage'));
/** So do the survey and its opt-out page. */
const SurveyPage = lazy(() => import('./pages/public/SurveyPage'));
const SurveyOptOutPage = lazy(() => import('./pages/public/SurveyOptOutPage'));

/*
 * The public pages' own entry (request.html, built on its own: vite.config.ts), so a clinic on a phone loads only
 * what these pages draw, none of the staff app. Declarative routes: React Router's data router, which the staff
 * app needs, is much of its code and these three pages use none of it.
 */
const root = document.getElementById('root');
if (!root) throw new Error('request.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={createQueryClient()}>
        <BrowserRouter>
          <Routes>
            <Route path="/request" element={<PublicLayout />}>
              <Route index element={<RequestPage />} />
              <Route path="thanks" element={<RequestThanksPage />} />
              <Route path="status/:token" element={<RequestStatusPage />} />
              <Route
                path="assessment/:token"
                element={
                  <Suspense fallback={null}>
                    <AssessmentPage />
                  </Suspense>
                }
              />
              <Route
                path="survey/:token"
                element={
                  <Suspense fallback={null}>
                    <SurveyPage />
                  </Suspense>
                }
              />
              <Route
                path="survey/:token/opt-out"
                element={
                  <Suspense fallback={null}>
                    <SurveyOptOutPage />
                  </Suspense>
                }
              />
              <Route path="*" element={<Navigate to="/request" replace />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
