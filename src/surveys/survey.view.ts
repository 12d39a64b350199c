import type { QuestionKind, WaveStatus } from './rules';
import type { InviteeBasis } from './invitees';

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
