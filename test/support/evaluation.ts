import type { Person } from '../factories';
import type { Reply } from './http';

/** Helpers for the evaluation suites: events, the question bank, surveys, waves, answers, CSV. */
export interface EventView {
  id: string;
  kind: string;
  title: string;
  counts: { registered: number; attended: number; organisationsPresent: number };
  me: { registered: boolean; attended: boolean; canManage: boolean };
  children: Array<{ id: string }>;
  invitedOrganisations: Array<{ id: string }>;
}
export interface Item {
  id: string;
  questionId: string;
  prompt: string;
  version: number;
}
export interface SurveyView {
  id: string;
  items: Item[];
  waves: Array<{ id: string; label: string; respondents: number; invited: number; basis: string }>;
}
export interface Answer {
  itemId: string;
  rating?: number;
  choices?: string[];
  text?: string;
}

export const days = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString();

function ok<T>(res: Reply<T>, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createEvent(by: Person, fields: Record<string, unknown>): Promise<EventView> {
  return ok(
    await by.api.post<EventView>('/api/events', {
      kind: 'cluster_day',
      title: 'Cluster Day',
      place: 'Bilbao',
      startsAt: days(-10),
      ...fields,
    }),
    201,
    'createEvent',
  );
}

export async function invite(by: Person, eventId: string, organisationIds: string[]): Promise<void> {
  ok(await by.api.put(`/api/events/${eventId}/invitations`, { organisationIds }), 200, 'invite');
}

export async function attend(by: Person, eventId: string, people: Person[]): Promise<void> {
  ok(await by.api.put(`/api/events/${eventId}/attendance`, { userIds: people.map((p) => p.id) }), 200, 'attend');
}

export async function createQuestion(by: Person, kind: string, prompt: string, options?: string[]): Promise<string> {
  const body = ok(
    await by.api.post<{ id: string }>('/api/survey-questions', { kind, prompt, ...(options && { options }) }),
    201,
    'createQuestion',
  );
  return body.id;
}

export async function createSurvey(by: Person, fields: Record<string, unknown>): Promise<SurveyView> {
  return ok(await by.api.post<SurveyView>('/api/surveys', { title: 'Satisfaction', ...fields }), 201, 'createSurvey');
}

export async function openWave(by: Person, surveyId: string, label: string, anonymous: boolean): Promise<string> {
  const body = ok(
    await by.api.post<{ id: string }>(`/api/surveys/${surveyId}/waves`, { label, anonymous }),
    201,
    'openWave',
  );
  return body.id;
}

export async function closeWave(by: Person, waveId: string): Promise<void> {
  ok(await by.api.patch(`/api/waves/${waveId}`, { status: 'closed' }), 200, 'closeWave');
}

export function respond(by: Person, waveId: string, answers: Answer[], editToken?: string) {
  return by.api.put<{ editToken?: string; answers: Answer[] }>(`/api/waves/${waveId}/response`, {
    answers,
    ...(editToken && { editToken }),
  });
}

export async function answer(by: Person, waveId: string, answers: Answer[]): Promise<{ editToken?: string }> {
  return ok(await respond(by, waveId, answers), 200, `answer by ${by.email}`);
}

/** A CSV download: status, headers and the raw bytes (to check the BOM) and text. */
export async function download(
  by: Person,
  baseUrl: string,
  path: string,
): Promise<{ status: number; type: string | null; bytes: Buffer; text: string }> {
  const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${by.token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), bytes, text: bytes.toString('utf8') };
}
