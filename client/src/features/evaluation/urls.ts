/** The evaluation area's REST paths (participation, surveys and waves, events) and routes. */
import { withQuery } from '../../api/http';

export const evaluationApi = {
  /** The participation read model, for a period (`from`, `to`). */
  participation: '/api/participation',
  surveys: '/api/surveys',
  openWaves: '/api/waves/open',
  wave: (waveId: string) => `/api/waves/${waveId}`,
  results: (waveId: string) => `/api/waves/${waveId}/results`,
  /** GET reads my response (anonymous ones with `X-Edit-Token`), PUT answers or changes it. */
  response: (waveId: string) => `/api/waves/${waveId}/response`,
  events: '/api/events',
  event: (id: string) => `/api/events/${id}`,
  /** POST registers me, DELETE cancels. */
  registration: (eventId: string) => `/api/events/${eventId}/registration`,
};

/** CSV downloads are plain links: same origin, so the session cookie goes with them. */
export const csvUrl = {
  participation: (table: 'groups' | 'organisations' | 'events', from?: string, to?: string) =>
    withQuery('/api/participation/csv', { table, from, to }),
  wave: (waveId: string, table: 'questions' | 'distribution' | 'breakdowns' | 'trend' | 'free_text') =>
    withQuery(`/api/waves/${waveId}/results/csv`, { table }),
};

export const evaluationPaths = {
  evaluation: '/evaluation',
  wave: (waveId: string) => `/evaluation/waves/${waveId}`,
  surveys: '/surveys',
  survey: (waveId: string) => `/surveys/${waveId}`,
  events: '/events',
  event: (id: string) => `/events/${id}`,
};
