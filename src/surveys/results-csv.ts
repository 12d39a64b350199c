import { buildCsv, CsvCell } from '../common/csv';
import type { WaveResults } from './results.view';

/** The result tables as CSV, one file per table, each with a header row. Pure. */
export const RESULT_TABLES = ['questions', 'distribution', 'breakdowns', 'trend', 'free_text'] as const;
export type ResultTable = (typeof RESULT_TABLES)[number];

const question = (prompt: string, label: string | null): string => (label ? `${prompt} — ${label}` : prompt);

export function resultsCsv(r: WaveResults, table: ResultTable): string {
  switch (table) {
    case 'questions':
      return buildCsv(
        [
          'position',
          'question',
          'version',
          'kind',
          'responses',
          'invited',
          'response_rate',
          'mean',
          'share_4_5',
          'suppressed',
        ],
        r.questions.map((q): CsvCell[] => [
          q.position + 1,
          question(q.prompt, q.label),
          q.version,
          q.kind,
          q.responses,
          r.invited,
          q.responseRate,
          q.mean,
          q.share45,
          q.suppressed,
        ]),
      );
    case 'distribution':
      return buildCsv(
        ['question', 'version', 'value', 'count', 'share'],
        r.questions.flatMap((q) =>
          (q.distribution ?? []).map((d): CsvCell[] => [
            question(q.prompt, q.label),
            q.version,
            d.value,
            d.count,
            d.share,
          ]),
        ),
      );
    case 'breakdowns':
      return buildCsv(
        ['question', 'dimension', 'value', 'respondents', 'mean', 'share_4_5', 'suppressed'],
        r.breakdowns.flatMap((b) =>
          b.cells.map((c): CsvCell[] => [
            question(b.prompt, b.label),
            b.dimension,
            c.value,
            c.respondents,
            c.mean,
            c.share45,
            c.suppressed,
          ]),
        ),
      );
    case 'trend':
      return buildCsv(
        [
          'wave',
          'status',
          'invited',
          'respondents',
          'response_rate',
          'question',
          'responses',
          'mean',
          'share_4_5',
          'suppressed',
        ],
        r.trend.flatMap((w) =>
          w.items.map((i): CsvCell[] => [
            w.label,
            w.status,
            w.invited,
            w.respondents,
            w.responseRate,
            question(i.prompt, i.label),
            i.responses,
            i.mean,
            i.share45,
            i.suppressed,
          ]),
        ),
      );
    case 'free_text':
      // Anonymous waves carry no respondent, so those columns stay empty.
      return buildCsv(
        ['question', 'answer', 'respondent', 'organisation'],
        r.freeText.flatMap((f) =>
          f.answers.map((a): CsvCell[] => [
            question(f.prompt, f.label),
            a.text,
            a.respondent?.displayName ?? null,
            a.respondent?.organisation ?? null,
          ]),
        ),
      );
  }
}
