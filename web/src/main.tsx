import '@mantine/core/styles.css';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import './i18n/i18n';
import { Layout } from './layout/Layout';
import { HomePage } from './pages/public/HomePage';
import { NotFoundPage } from './pages/public/NotFoundPage';
import { SignInPage } from './pages/public/SignInPage';
import { SessionProvider } from './session/session';

// Japanese text first; a darker primary keeps white button text above the 4.5:1 contrast AA asks for.
const theme = createTheme({
  fontFamily: '"Noto Sans JP", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", sans-serif',
  primaryColor: 'teal',
  primaryShade: 9,
  // Dialogs and menus appear without animation for people who ask their system for less motion.
  respectReducedMotion: true,
});

// Mantine's dimmed grey (hints under fields) and error red are below AA contrast on white; darker
// shades pass.
const contrastResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7],
    '--mantine-color-error': resolved.colors.red[9],
  },
  dark: {},
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      // Pages beyond the first load when visited, so a phone downloads little to start.
      {
        path: 'password-reset',
        lazy: async () => ({
          Component: (await import('./pages/public/PasswordPages')).PasswordResetRequestPage,
        }),
      },
      {
        path: 'reset-password',
        lazy: async () => ({ Component: (await import('./pages/public/PasswordPages')).ResetPasswordPage }),
      },
      {
        path: 'invitation',
        lazy: async () => ({ Component: (await import('./pages/public/PasswordPages')).InvitationPage }),
      },
      {
        path: 'courses',
        lazy: async () => ({ Component: (await import('./pages/public/CoursesPage')).CoursesPage }),
      },
      {
        path: 'courses/:id',
        lazy: async () => ({ Component: (await import('./pages/public/CoursePage')).CoursePage }),
      },
      {
        path: 'instructors',
        lazy: async () => ({ Component: (await import('./pages/public/DirectoryPage')).DirectoryPage }),
      },
      {
        path: 'my/profile',
        lazy: async () => ({ Component: (await import('./pages/resident/ProfilePage')).ProfilePage }),
      },
      {
        path: 'my',
        lazy: async () => ({ Component: (await import('./pages/resident/MyPage')).MyPage }),
      },
      {
        path: 'office',
        lazy: async () => ({ Component: (await import('./pages/office/FiscalYearPage')).FiscalYearPage }),
      },
      {
        path: 'coordinator/imports',
        lazy: async () => ({ Component: (await import('./pages/registers/ImportsPage')).ImportsPage }),
      },
      {
        path: 'coordinator/residents',
        lazy: async () => ({ Component: (await import('./pages/coordinator/ResidentsPage')).ResidentsPage }),
      },
      {
        path: 'coordinator',
        lazy: async () => ({ Component: (await import('./pages/coordinator/DashboardPage')).DashboardPage }),
      },
      {
        path: 'requests',
        lazy: async () => ({ Component: (await import('./pages/requester/RequestsPage')).RequestsPage }),
      },
      {
        path: 'requests/new',
        lazy: async () => ({ Component: (await import('./pages/requester/NewRequestPage')).NewRequestPage }),
      },
      {
        path: 'requests/:id',
        lazy: async () => ({ Component: (await import('./pages/requester/RequestPage')).RequestPage }),
      },
      {
        path: 'answer',
        lazy: async () => ({ Component: (await import('./pages/notifications/AnswerPage')).AnswerPage }),
      },
      {
        path: 'unsubscribe',
        lazy: async () => ({
          Component: (await import('./pages/notifications/UnsubscribePage')).UnsubscribePage,
        }),
      },
      {
        path: 'notifications',
        lazy: async () => ({
          Component: (await import('./pages/notifications/NotificationSettingsPage'))
            .NotificationSettingsPage,
        }),
      },
      {
        path: 'sign-up',
        lazy: async () => ({ Component: (await import('./pages/resident/SignUpPage')).SignUpPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const queries = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrastResolver}>
      <QueryClientProvider client={queries}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
