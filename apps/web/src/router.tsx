import { createBrowserRouter, Navigate } from 'react-router';
import { RequireRole } from './auth/RequireRole';
import { AppLayout } from './layout/AppLayout';
import { UsersPage } from './pages/admin/UsersPage';
import { CasesPage } from './pages/CasesPage';
import { DashboardPage } from './pages/DashboardPage';
import { FollowUpsPage } from './pages/FollowUpsPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrganizationsPage } from './pages/OrganizationsPage';

/** The staff app lives at /; the public request pages will be added at /request. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/cases" replace /> },
      { path: 'cases', element: <CasesPage /> },
      { path: 'organizations', element: <OrganizationsPage /> },
      { path: 'follow-ups', element: <FollowUpsPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      {
        path: 'admin',
        element: <RequireRole role="admin" />,
        children: [
          { index: true, element: <Navigate to="users" replace /> },
          { path: 'users', element: <UsersPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
