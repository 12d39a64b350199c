import type { QuestionKind } from './rules';
import type { DistributionRow } from './statistics';
import type { EventRef, InviteeBasis, WaveSummary } from './survey.view';

/** Result shapes, shared by the service, the CSV tables and the client. */
export interface QuestionResult {
  itemId: string;
  position: number;
  questionId: string;
  kind: QuestionKind;
  /** The wording these answers were given to (a later edit does not change it). */
  version: number;
  versionId: string;
  prompt: string;
  options: string[];
  label: string | null;
  event: EventRef | null;
  responses: number;
  /** responses ÷ invited. */
  responseRate: number | null;
  /** Anonymous waves: a question with fewer than 3 responses shows only its count. */
  suppressed: boolean;
  distribution: DistributionRow[] | null;
  mean: number | null;
  share45: number | null;
}

/** A rating question asked for several items (one per workshop), pooled. */
export interface CombinedResult {
  questionId: string;
  prompt: string;
  items: number;
  responses: number;
  suppressed: boolean;
  distribution: DistributionRow[] | null;
  mean: number | null;
  share45: number | null;
}

export type BreakdownDimension = 'organisation_kind' | 'sector';

export interface BreakdownCell {
  value: string;
  /** null when suppressed. */
  respondents: number | null;
  mean: number | null;
  share45: number | null;
  distribution: DistributionRow[] | null;
  suppressed: boolean;
}

export interface Breakdown {
  itemId: string;
  versionId: string;
  prompt: string;
  label: string | null;
  dimension: BreakdownDimension;
  cells: BreakdownCell[];
}

export interface FreeTextAnswer {
  text: string;
  /** Attributed waves only. */
  respondent?: { displayName: string; organisation: string | null };
}

export interface FreeTextResult {
  itemId: string;
  versionId: string;
  prompt: string;
  label: string | null;
  suppressed: boolean;
  answers: FreeTextAnswer[];
}

export interface ItemFigure {
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
  items: ItemFigure[];
}

export interface ComparisonRow {
  itemId: string;
  prompt: string;
  label: string | null;
  current: ItemFigure;
  previous: ItemFigure | null;
  deltaMean: number | null;
  deltaShare45: number | null;
}

export interface WaveResults {
  wave: WaveSummary & { survey: { id: string; title: string } };
  basis: InviteeBasis;
  invited: number;
  respondents: number;
  responseRate: number | null;
  questions: QuestionResult[];
  combined: CombinedResult[];
  breakdowns: Breakdown[];
  freeText: FreeTextResult[];
  comparison: { previous: { waveId: string; label: string } | null; rows: ComparisonRow[] };
  trend: TrendPoint[];
}
