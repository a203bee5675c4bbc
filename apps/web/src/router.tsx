import { createBrowserRouter, Navigate } from 'react-router';
import { RequireRole } from './auth/RequireRole';
import { ServerPage } from './components/ServerPage';
import { AppLayout } from './layout/AppLayout';
import { EmailsPage } from './pages/admin/EmailsPage';
import { InstrumentsPage } from './pages/admin/InstrumentsPage';
import { SettingsPage } from './pages/admin/SettingsPage';
import { AssessmentPage } from './pages/assessments/AssessmentPage';
import { UsersPage } from './pages/admin/UsersPage';
import { CasePage } from './pages/cases/CasePage';
import { CasesPage } from './pages/cases/CasesPage';
import { NewCasePage } from './pages/cases/NewCasePage';
import { PrintPlanPage } from './pages/cases/PrintPlanPage';
import { UnmatchedMailPage } from './pages/conversation/UnmatchedMailPage';
import { EscalationsPage } from './pages/escalations/EscalationsPage';
import { IntensityPage } from './pages/intensity/IntensityPage';
import { MyFollowUpsPage } from './pages/follow-ups/MyFollowUpsPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrganizationPage } from './pages/organizations/OrganizationPage';
import { OrganizationsPage } from './pages/organizations/OrganizationsPage';

/** The staff app lives at /; the public request pages at /request are an entry of their own (public-main.tsx). */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Printable: a plain document without the staff shell.
  { path: '/cases/:id/plan/print', element: <PrintPlanPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/cases" replace /> },
      { path: 'cases', element: <CasesPage /> },
      { path: 'cases/new', element: <NewCasePage /> },
      { path: 'cases/:id', element: <CasePage /> },
      { path: 'organizations', element: <OrganizationsPage /> },
      { path: 'organizations/:id', element: <OrganizationPage /> },
      { path: 'assessments/:id', element: <AssessmentPage /> },
      { path: 'follow-ups', element: <MyFollowUpsPage /> },
      // Loaded on first visit: its charts are the largest library in the app and only this page draws them.
      { path: 'dashboard', lazy: async () => ({ Component: (await import('./pages/dashboard/DashboardPage')).DashboardPage }) },
      { path: 'escalations', element: <RequireRole role={['lead', 'admin']} />, children: [{ index: true, element: <EscalationsPage /> }] },
      { path: 'intensity', element: <RequireRole role={['lead', 'admin']} />, children: [{ index: true, element: <IntensityPage /> }] },
      {
        path: 'unmatched-mail',
        element: <RequireRole role={['lead', 'admin']} />,
        children: [{ index: true, element: <UnmatchedMailPage /> }],
      },
      // Served by the API (Bull Board, admins only; others get its explanation page): leave the app for it.
      { path: 'admin/queues', element: <ServerPage /> },
      { path: 'admin/emails', element: <RequireRole role={['lead', 'admin']} />, children: [{ index: true, element: <EmailsPage /> }] },
      {
        path: 'admin',
        element: <RequireRole role="admin" />,
        children: [
          { index: true, element: <Navigate to="users" replace /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'instruments', element: <InstrumentsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
