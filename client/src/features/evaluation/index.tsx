/** The evaluation area's routes, one lazy chunk (ECharts only loads with the results views). */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../../components/states';
import { EventListPage, EventPage } from './EventsPage';
import { SurveyListPage, SurveyPage } from './SurveyPage';

const EvaluationPage = lazy(() => import('./EvaluationPage'));
const WaveResultsPage = lazy(() => import('./WaveResultsPage'));

export function EvaluationRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<EvaluationPage />} />
        <Route path="waves/:waveId" element={<WaveResultsPage />} />
      </Routes>
    </Suspense>
  );
}

export function SurveyRoutes() {
  return (
    <Routes>
      <Route index element={<SurveyListPage />} />
      <Route path=":waveId" element={<SurveyPage />} />
    </Routes>
  );
}

export function EventRoutes() {
  return (
    <Routes>
      <Route index element={<EventListPage />} />
      <Route path=":eventId" element={<EventPage />} />
    </Routes>
  );
}
