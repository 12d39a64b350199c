/**
 * Pure logic of the evaluation views (no React, unit-tested): headline figures, the heat map
 * matrix, trend series, and the answers a survey form sends.
 */
import type {
  AnswerInput,
  AnswerValue,
  ItemView,
  Participation,
  QuestionResult,
  TrendPoint,
  WaveResults,
} from '@contract';

/** Where an anonymous wave's edit token is kept: per person and wave, so a shared browser never mixes them. */
export const editTokenKey = (userId: string, waveId: string): string => `auzolan:survey-token:${userId}:${waveId}`;

/** 0.9 → "90%"; null (suppressed or no data) → "—". */
export function percent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return '—';
  return `${Math.round(fraction * 1000) / 10}%`;
}

export function decimal(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toFixed(digits);
}

export type HeatMetric = 'members' | 'messages' | 'documents' | 'attendance' | 'activity';

export interface HeatMatrix {
  organisations: string[];
  groups: string[];
  /** [groupIndex, organisationIndex, value] as chart libraries take them. */
  cells: Array<[number, number, number]>;
  max: number;
}

/** Organisations × groups, for cluster associations only (the 17 the figures count). */
export function heatMatrix(p: Participation, metric: HeatMetric): HeatMatrix {
  const rows = p.organisations.filter((o) => o.kind === 'cluster_association');
  const groups = p.groups.map((g) => g.name);
  const organisations = [...new Set(rows.map((r) => r.shortName))].sort((a, b) => a.localeCompare(b));
  const cells: Array<[number, number, number]> = [];
  let max = 0;
  for (const r of rows) {
    const gi = p.groups.findIndex((g) => g.groupId === r.groupId);
    if (gi < 0) continue;
    const value = metric === 'activity' ? r.messages + r.documents + r.attendance : r[metric];
    max = Math.max(max, value);
    cells.push([gi, organisations.indexOf(r.shortName), value]);
  }
  return { organisations, groups, cells, max };
}

export interface Headline {
  key: 'participate' | 'rated';
  values: Record<string, string | number>;
}

/** "12 of 17 associations participate in X", one per group. */
export function participationHeadlines(p: Participation): Headline[] {
  return p.groups.map((g) => ({
    key: 'participate',
    values: { count: g.takingPart, total: g.associations, group: g.name },
  }));
}

/**
 * "90% rated the Cluster Day 4–5": the wave's first rating question that is not about one
 * workshop (the general satisfaction), else the first rating question.
 */
export function satisfactionHeadline(r: WaveResults): Headline | null {
  const ratings = r.questions.filter((q) => q.kind === 'rating' && q.share45 !== null);
  const q = ratings.find((x) => !x.event && !x.label) ?? ratings[0];
  if (!q) return null;
  return {
    key: 'rated',
    values: {
      share: percent(q.share45),
      subject: r.wave.event?.title ?? r.wave.survey.title,
      respondents: q.responses,
      prompt: q.prompt,
    },
  };
}

export const questionTitle = (q: Pick<QuestionResult, 'prompt' | 'label'>): string =>
  q.label ? `${q.label}: ${q.prompt}` : q.prompt;

export interface TrendSeries {
  labels: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
}

/** Share 4–5 of each rating item over the waves, oldest first (null where suppressed). */
export function trendSeries(trend: TrendPoint[]): TrendSeries {
  const labels = trend.map((t) => t.label);
  const names = new Map<string, string>();
  for (const t of trend)
    for (const i of t.items)
      if (i.share45 !== null || i.suppressed) names.set(i.itemId, i.label ? `${i.label}: ${i.prompt}` : i.prompt);
  const series = [...names].map(([itemId, name]) => ({
    name,
    values: trend.map((t) => t.items.find((i) => i.itemId === itemId)?.share45 ?? null),
  }));
  return { labels, series: series.filter((s) => s.values.some((v) => v !== null)) };
}

export interface FormAnswer {
  rating?: number;
  choices?: string[];
  text?: string;
}

/** The PUT body's answers: only the questions answered, in the survey's order. */
export function answersToSend(items: ItemView[], form: Record<string, FormAnswer>): AnswerInput[] {
  const out: AnswerInput[] = [];
  for (const item of items) {
    const a = form[item.id];
    if (!a) continue;
    if (item.kind === 'rating' && a.rating) out.push({ itemId: item.id, rating: a.rating });
    else if ((item.kind === 'single_choice' || item.kind === 'multiple_choice') && a.choices?.length)
      out.push({ itemId: item.id, choices: a.choices });
    else if (item.kind === 'free_text' && a.text?.trim()) out.push({ itemId: item.id, text: a.text.trim() });
  }
  return out;
}

/** The form state from a stored response. */
export function formFromAnswers(answers: AnswerValue[] | null): Record<string, FormAnswer> {
  const form: Record<string, FormAnswer> = {};
  for (const a of answers ?? []) {
    form[a.itemId] = {
      rating: a.rating ?? undefined,
      choices: a.choices ?? undefined,
      text: a.text ?? undefined,
    };
  }
  return form;
}

/** Toggles a choice: single choice replaces, multiple choice adds or removes. */
export function toggleChoice(current: string[] | undefined, option: string, multiple: boolean): string[] {
  if (!multiple) return [option];
  const set = current ?? [];
  return set.includes(option) ? set.filter((c) => c !== option) : [...set, option];
}
