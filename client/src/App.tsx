import { ReactNode, Suspense } from 'react';
import { createRoutesFromElements, Navigate, Outlet, Route } from 'react-router';
import { Layout } from './components/Layout';
import { lazyWithRetry as lazy, RouteError } from './components/RouteError';
import { Loading, NotFound } from './components/states';
import { LoginPage } from './features/auth/LoginPage';
import { RequireSession, useSession } from './features/auth/session';
import { ChannelsTab } from './features/channels/ChannelsTab';
import { ChannelView } from './features/channels/ChannelView';
import { ActionItemsTab } from './features/groups/ActionItemsTab';
import { FirstChannel, GroupPage } from './features/groups/GroupPage';
import { MembersTab } from './features/groups/MembersTab';
import { HomePage } from './features/home/HomePage';
import { NotificationList } from './features/notifications/NotificationBell';
import { RealtimeProvider } from './realtime/RealtimeProvider';

// Heavy or less-visited views load on demand, keeping the main chunk small. A chunk that fails
// to load is retried, then the page reloads once (lib/lazy-load.ts); after that the route's
// errorElement says what happened, inside the app's frame.
const KnowledgeTab = lazy(() => import('./features/knowledge/KnowledgeTab'));
const DocumentPage = lazy(() => import('./features/knowledge/DocumentPage'));
const DocumentEditor = lazy(() => import('./features/knowledge/DocumentEditor'));
const HistoryPage = lazy(() => import('./features/knowledge/HistoryPage'));
const SearchPage = lazy(() => import('./features/search/SearchPage'));
const AdminPage = lazy(() => import('./features/admin/AdminPage'));
// Evaluation, surveys and events share one lazy chunk; the charts are a further lazy chunk inside it.
const EvaluationRoutes = lazy(() => import('./features/evaluation').then((m) => ({ default: m.EvaluationRoutes })));
const SurveyRoutes = lazy(() => import('./features/evaluation').then((m) => ({ default: m.SurveyRoutes })));
const EventRoutes = lazy(() => import('./features/evaluation').then((m) => ({ default: m.EventRoutes })));

const lazyView = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

function SignedIn() {
  const me = useSession();
  return (
    <RealtimeProvider myId={me.user.id}>
      <Layout>
        <Outlet />
      </Layout>
    </RealtimeProvider>
  );
}

/**
 * The route table, for `createBrowserRouter` (main.tsx): a data router, so that `errorElement`
 * catches what a view throws. The outer one covers the sign-in page and the session check; the
 * inner one keeps the top bar when a view fails.
 */
export const routes = createRoutesFromElements(
  <Route errorElement={<RouteError />}>
    <Route path="/login" element={<LoginPage />} />
    <Route
      element={
        <RequireSession>
          <SignedIn />
        </RequireSession>
      }
    >
      <Route errorElement={<RouteError />}>
        <Route index element={<HomePage />} />
        <Route path="groups/:groupId" element={<GroupPage />}>
          <Route index element={<Navigate to="channels" replace />} />
          <Route path="channels" element={<ChannelsTab />}>
            <Route index element={<FirstChannel />} />
            <Route path=":channelId" element={<ChannelView />} />
          </Route>
          <Route path="knowledge" element={lazyView(<KnowledgeTab />)} />
          <Route path="knowledge/new" element={lazyView(<DocumentEditor />)} />
          <Route path="actions" element={<ActionItemsTab />} />
          <Route path="members" element={<MembersTab />} />
        </Route>
        <Route path="documents/:docId" element={lazyView(<DocumentPage />)} />
        {/* The server's notification links use this form. */}
        <Route path="groups/:groupId/documents/:docId" element={lazyView(<DocumentPage />)} />
        <Route path="documents/:docId/edit" element={lazyView(<DocumentEditor />)} />
        <Route path="documents/:docId/history" element={lazyView(<HistoryPage />)} />
        <Route path="search" element={lazyView(<SearchPage />)} />
        <Route
          path="notifications"
          element={
            <div className="page narrow">
              <NotificationList />
            </div>
          }
        />
        <Route path="admin/*" element={lazyView(<AdminPage />)} />
        <Route path="evaluation/*" element={lazyView(<EvaluationRoutes />)} />
        <Route path="surveys/*" element={lazyView(<SurveyRoutes />)} />
        <Route path="events/*" element={lazyView(<EventRoutes />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Route>
  </Route>,
);
