import { lazy, ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { Loading, NotFound } from './components/states';
import { LoginPage } from './features/auth/LoginPage';
import { RequireSession, useSession } from './features/auth/session';
import { ChannelsTab } from './features/channels/ChannelsTab';
import { ChannelView } from './features/channels/ChannelView';
import { ActionItemsTab } from './features/groups/ActionItemsTab';
import { FirstChannel, GroupPage } from './features/groups/GroupPage';
import { MembersTab } from './features/groups/MembersTab';
import { HomePage } from './features/home/HomePage';
import { homePaths } from './features/home/urls';
import { NotificationList } from './features/notifications/NotificationBell';
import { RealtimeProvider } from './realtime/RealtimeProvider';

// Heavy or less-visited views load on demand, keeping the main chunk small.
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
        <Routes>
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
          <Route path="login" element={<Navigate to={homePaths.home} replace />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout>
    </RealtimeProvider>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/*"
        element={
          <RequireSession>
            <SignedIn />
          </RequireSession>
        }
      />
    </Routes>
  );
}
