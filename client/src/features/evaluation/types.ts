/** Payloads of the evaluation API (docs/EVALUATION.md), as the client reads them. */
export type QuestionKind = 'rating' | 'single_choice' | 'multiple_choice' | 'free_text';
export type EventKind = 'cluster_day' | 'thematic_workshop' | 'group_meeting';

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
  status: 'open' | 'closed';
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
  waves: Array<WaveSummary & { respondents: number; invited: number; basis: string }>;
}

export interface WaveView extends WaveSummary {
  survey: { id: string; title: string; description: string };
  items: ItemView[];
  me: { invited: boolean; responded: boolean; canManage: boolean };
}

export interface AnswerValue {
  itemId: string;
  rating?: number | null;
  choices?: string[] | null;
  text?: string | null;
}

export interface MyResponse {
  waveId: string;
  anonymous: boolean;
  responded: boolean;
  answers: AnswerValue[] | null;
  editToken?: string;
}

export interface DistributionRow {
  value: string | number;
  count: number;
  share: number;
}

export interface QuestionResult {
  itemId: string;
  position: number;
  questionId: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  label: string | null;
  event: EventRef | null;
  responses: number;
  responseRate: number | null;
  suppressed: boolean;
  distribution: DistributionRow[] | null;
  mean: number | null;
  share45: number | null;
}

export interface CombinedResult {
  questionId: string;
  prompt: string;
  items: unknown[];
  responses: number;
  suppressed: boolean;
  distribution: DistributionRow[] | null;
  mean: number | null;
  share45: number | null;
}

export interface BreakdownCell {
  value: string | null;
  respondents: number | null;
  mean: number | null;
  share45: number | null;
  suppressed: boolean;
}

export interface Breakdown {
  itemId: string;
  prompt: string;
  label: string | null;
  dimension: 'organisation_kind' | 'sector';
  cells: BreakdownCell[];
}

export interface FreeTextBlock {
  itemId: string;
  prompt: string;
  label: string | null;
  suppressed: boolean;
  answers: Array<{ text: string; respondent?: { displayName: string; organisation: string | null } }>;
}

export interface TrendItem {
  itemId: string;
  questionId: string;
  prompt: string;
  label: string | null;
  responses: number;
  mean: number | null;
  share45: number | null;
  suppressed: boolean;
}

export interface TrendPoint {
  waveId: string;
  label: string;
  status: string;
  anonymous: boolean;
  invited: number;
  respondents: number;
  responseRate: number | null;
  items: TrendItem[];
}

export interface WaveResults {
  wave: WaveSummary & { survey: { id: string; title: string } };
  basis: string;
  invited: number;
  respondents: number;
  responseRate: number | null;
  questions: QuestionResult[];
  combined: CombinedResult[];
  breakdowns: Breakdown[];
  freeText: FreeTextBlock[];
  comparison: {
    previous: { waveId: string; label: string } | null;
    rows: Array<{
      itemId: string;
      prompt: string;
      label: string | null;
      deltaMean: number | null;
      deltaShare45: number | null;
    }>;
  };
  trend: TrendPoint[];
}

export interface ParticipationGroup {
  groupId: string;
  slug: string;
  name: string;
  associations: number;
  takingPart: number;
  contributing: number;
}

export interface ParticipationRow {
  organisationId: string;
  name: string;
  shortName: string;
  kind: string;
  sector: string | null;
  groupId: string;
  groupName: string;
  members: number;
  messages: number;
  documents: number;
  attendance: number;
  lastActivityAt: string | null;
  takesPart: boolean;
  contributed: boolean;
}

export interface ParticipationEvent {
  eventId: string;
  title: string;
  kind: string;
  startsAt: string;
  groupId: string | null;
  parentId: string | null;
  organisationsInvited: number;
  organisationsPresent: number;
  organisationsPresentInvited: number;
  peoplePresent: number;
}

export interface Participation {
  period: { from: string; to: string };
  associations: number;
  groups: ParticipationGroup[];
  organisations: ParticipationRow[];
  events: ParticipationEvent[];
}

export interface EventSummary {
  id: string;
  kind: EventKind;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  online: boolean;
  groupId: string | null;
  parentId: string | null;
}

export interface EventView extends EventSummary {
  description: string;
  children: EventSummary[];
  invitedOrganisations: Array<{ id: string; name: string; shortName: string; kind: string }>;
  counts: { registered: number; attended: number; organisationsPresent: number };
  me: { registered: boolean; attended: boolean; canManage: boolean };
}
