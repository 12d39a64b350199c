import type {
  BreakdownCell,
  BreakdownDimension,
  CombinedResult,
  FreeTextResult,
  QuestionResult,
  Breakdown,
} from './results.view';
import { MIN_CELL, rate, round, StoredAnswer, summarise, suppressedCells } from './statistics';
import type { ItemView } from './survey.view';

/**
 * Turns a wave's answers into its result tables. Pure: the service loads the rows, this
 * does the arithmetic and the hiding, and unit specs can check both.
 */
export interface AnswerRow extends StoredAnswer {
  itemId: string;
  versionId: string;
  version: number;
  prompt: string;
  options: string[];
  organisationKind: string | null;
  organisationSector: string | null;
  /** Attributed waves only. */
  respondent?: { displayName: string; organisation: string | null };
}

export const NO_VALUE = '(none)';

export interface ComputedResults {
  questions: QuestionResult[];
  combined: CombinedResult[];
  breakdowns: Breakdown[];
  freeText: FreeTextResult[];
}

export function computeResults(
  items: readonly ItemView[],
  rows: readonly AnswerRow[],
  invited: number,
  anonymous: boolean,
): ComputedResults {
  const questions: QuestionResult[] = [];
  const breakdowns: Breakdown[] = [];
  const freeText: FreeTextResult[] = [];
  for (const item of items) {
    const answers = rows.filter((r) => r.itemId === item.id);
    // One row per wording answered; an unanswered item shows its current wording.
    const versions = new Map<string, AnswerRow[]>();
    for (const a of answers) versions.set(a.versionId, [...(versions.get(a.versionId) ?? []), a]);
    if (!versions.size) versions.set(item.versionId, []);
    for (const [versionId, group] of versions) {
      const wording = group[0] ?? { version: item.version, prompt: item.prompt, options: item.options };
      const summary = summarise(item.kind, wording.options, group);
      const hidden = anonymous && group.length < MIN_CELL;
      questions.push({
        itemId: item.id,
        position: item.position,
        questionId: item.questionId,
        kind: item.kind,
        version: wording.version,
        versionId,
        prompt: wording.prompt,
        options: wording.options,
        label: item.label,
        event: item.event,
        responses: summary.responses,
        responseRate: rate(summary.responses, invited),
        suppressed: hidden,
        distribution: hidden ? null : summary.distribution,
        mean: hidden ? null : summary.mean,
        share45: hidden ? null : summary.share45,
      });
      const base = { itemId: item.id, versionId, prompt: wording.prompt, label: item.label };
      if (item.kind === 'free_text') {
        freeText.push({
          ...base,
          suppressed: hidden,
          answers: hidden
            ? []
            : group
                .map((a) => ({ text: a.text ?? '', ...(!anonymous && a.respondent && { respondent: a.respondent }) }))
                // Sorted by text, never by time or storage order, which could hint at who wrote what.
                .sort((x, y) => x.text.localeCompare(y.text)),
        });
        continue;
      }
      for (const dimension of ['organisation_kind', 'sector'] as BreakdownDimension[]) {
        breakdowns.push({ ...base, dimension, cells: breakdownCells(item.kind, wording.options, group, dimension) });
      }
    }
  }
  return { questions, combined: combine(items, rows, anonymous), breakdowns, freeText };
}

function breakdownCells(
  kind: ItemView['kind'],
  options: string[],
  answers: AnswerRow[],
  dimension: BreakdownDimension,
): BreakdownCell[] {
  const key = (a: AnswerRow): string =>
    (dimension === 'organisation_kind' ? a.organisationKind : a.organisationSector) ?? NO_VALUE;
  const byValue = new Map<string, AnswerRow[]>();
  for (const a of answers) byValue.set(key(a), [...(byValue.get(key(a)) ?? []), a]);
  const hidden = suppressedCells([...byValue].map(([value, list]) => ({ value, respondents: list.length })));
  return [...byValue]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, list]) => {
      if (hidden.has(value)) {
        return { value, respondents: null, mean: null, share45: null, distribution: null, suppressed: true };
      }
      const s = summarise(kind, options, list);
      return {
        value,
        respondents: list.length,
        mean: s.mean,
        share45: s.share45,
        distribution: s.distribution,
        suppressed: false,
      };
    });
}

function combine(items: readonly ItemView[], rows: readonly AnswerRow[], anonymous: boolean): CombinedResult[] {
  const byQuestion = new Map<string, ItemView[]>();
  for (const item of items) {
    if (item.kind === 'rating') byQuestion.set(item.questionId, [...(byQuestion.get(item.questionId) ?? []), item]);
  }
  const out: CombinedResult[] = [];
  for (const [questionId, group] of byQuestion) {
    if (group.length < 2) continue;
    const ids = new Set(group.map((i) => i.id));
    const answers = rows.filter((r) => ids.has(r.itemId));
    const s = summarise('rating', [], answers);
    const hidden = anonymous && answers.length < MIN_CELL;
    out.push({
      questionId,
      prompt: group[0].prompt,
      items: group.length,
      responses: answers.length,
      suppressed: hidden,
      distribution: hidden ? null : s.distribution,
      mean: hidden ? null : s.mean,
      share45: hidden ? null : s.share45,
    });
  }
  return out;
}

export const delta = (a: number | null, b: number | null, decimals: number): number | null =>
  a === null || b === null ? null : round(a - b, decimals);
