/**
 * Surveys as the API shows them: part of the contract the client imports (src/contract). Pure
 * (no entity, no Nest): the client's type check reads this file. Dates are ISO strings.
 */
import type { AnswerValue, QuestionKind, WaveStatus } from './rules';

/**
 * Who is invited to answer a wave (and so the denominator of the response rate):
 * - about an event: the people recorded as attending it or one of its workshops
 *   (`attendees`); before any attendance is recorded, the active people of the invited
 *   organisations (`invited_organisations`);
 * - standalone with a working group: its active members and facilitators (`group_members`);
 * - standalone without a group (the User's Voice): every active person (`everyone`).
 */
export type InviteeBasis = 'attendees' | 'invited_organisations' | 'group_members' | 'everyone';

export interface EventRef {
  id: string;
  title: string;
  kind: string;
  startsAt: string;
}

export interface ItemView {
  id: string;
  position: number;
  questionId: string;
  kind: QuestionKind;
  /** The question's current wording (what a respondent answers now). */
  version: number;
  versionId: string;
  prompt: string;
  options: string[];
  label: string | null;
  event: EventRef | null;
}

export interface WaveSummary {
  id: string;
  surveyId: string;
  label: string;
  status: WaveStatus;
  anonymous: boolean;
  event: EventRef | null;
  openedAt: string;
  closedAt: string | null;
}

export interface SurveyView {
  id: string;
  title: string;
  description: string;
  groupId: string | null;
  event: EventRef | null;
  items: ItemView[];
  waves: Array<WaveSummary & { respondents: number; invited: number; basis: InviteeBasis }>;
}

/** What a respondent sees: the wave, its questions, and their own state. */
export interface WaveView extends WaveSummary {
  survey: { id: string; title: string; description: string };
  items: ItemView[];
  me: { invited: boolean; responded: boolean; canManage: boolean };
}

/** `GET|PUT /waves/:waveId/response`: the caller's own response. */
export interface MyResponse {
  waveId: string;
  anonymous: boolean;
  responded: boolean;
  /** Attributed waves, or anonymous ones when the edit token was sent. */
  answers: AnswerValue[] | null;
  /** Anonymous waves: keep it to edit the response later; the server keeps only its hash. */
  editToken?: string;
}

export interface QuestionVersionView {
  id: string;
  version: number;
  prompt: string;
  options: string[];
  answers: number;
}

/** The question bank (`/survey-questions`). */
export interface QuestionView {
  id: string;
  kind: QuestionKind;
  version: number;
  versionId: string;
  prompt: string;
  options: string[];
  versions?: QuestionVersionView[];
}
