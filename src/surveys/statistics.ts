import type { QuestionKind } from './rules';

/**
 * Result arithmetic, pure so every figure is unit-tested: distributions, means, the share
 * rating 4–5, rates, and small-cell suppression.
 */

/** Any cell (a breakdown value, or a question of an anonymous wave) with fewer respondents is hidden. */
export const MIN_CELL = 3;

/** Fractions are reported with four decimals (0.9 = 90%); means with two. */
export const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

export const rate = (part: number, whole: number): number | null => (whole > 0 ? round(part / whole, 4) : null);

export interface StoredAnswer {
  rating: number | null;
  choices: string[] | null;
  text: string | null;
}

export interface DistributionRow {
  value: string;
  count: number;
  /** count ÷ responses to the question. */
  share: number | null;
}

export interface Summary {
  responses: number;
  distribution: DistributionRow[];
  /** Rating questions only. */
  mean: number | null;
  /** Rating questions only: the share of responses rating 4 or 5. */
  share45: number | null;
}

/** Summarises the answers to one question (one version of it). */
export function summarise(kind: QuestionKind, options: readonly string[], answers: readonly StoredAnswer[]): Summary {
  const responses = answers.length;
  if (kind === 'rating') {
    const ratings = answers.map((a) => a.rating).filter((r): r is number => r !== null);
    const counts = [1, 2, 3, 4, 5].map((v) => ratings.filter((r) => r === v).length);
    const sum = ratings.reduce((s, r) => s + r, 0);
    return {
      responses,
      distribution: counts.map((count, i) => ({ value: String(i + 1), count, share: rate(count, responses) })),
      mean: ratings.length ? round(sum / ratings.length, 2) : null,
      share45: rate(counts[3] + counts[4], ratings.length),
    };
  }
  if (kind === 'single_choice' || kind === 'multiple_choice') {
    const distribution = options.map((option) => {
      const count = answers.filter((a) => a.choices?.includes(option)).length;
      return { value: option, count, share: rate(count, responses) };
    });
    return { responses, distribution, mean: null, share45: null };
  }
  return { responses, distribution: [], mean: null, share45: null };
}

export interface CellCount {
  value: string;
  respondents: number;
}

/**
 * Which breakdown cells to hide. Primary: any cell with fewer than MIN_CELL respondents.
 * Secondary: when exactly one cell is hidden, the smallest other cell is hidden too, so the
 * hidden one cannot be recovered by subtracting the shown cells from the question's total.
 */
export function suppressedCells(cells: readonly CellCount[]): Set<string> {
  const hidden = new Set(cells.filter((c) => c.respondents < MIN_CELL).map((c) => c.value));
  if (hidden.size === 1) {
    const smallest = cells
      .filter((c) => !hidden.has(c.value))
      .sort((a, b) => a.respondents - b.respondents || a.value.localeCompare(b.value))[0];
    if (smallest) hidden.add(smallest.value);
  }
  return hidden;
}
