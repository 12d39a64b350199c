/**
 * The survey rules, free of I/O (and of Nest) so they are unit-tested in one place:
 * question kinds and options, answer checking, and the limits.
 */
export const QUESTION_KINDS = ['rating', 'single_choice', 'multiple_choice', 'free_text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const WAVE_STATUSES = ['open', 'closed'] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

export const SURVEY_LIMITS = {
  promptChars: 500,
  optionChars: 200,
  minOptions: 2,
  maxOptions: 20,
  items: 100,
  labelChars: 200,
  freeTextChars: 5000,
  waveLabelChars: 40,
} as const;

export interface FieldError {
  field: string;
  reason: string;
}

const isChoice = (kind: QuestionKind): boolean => kind === 'single_choice' || kind === 'multiple_choice';

/** Options must be given for choice questions (2–20, distinct ignoring case) and only for them. */
export function checkOptions(kind: QuestionKind, options: string[] | undefined): FieldError[] {
  if (!isChoice(kind)) {
    return options && options.length ? [{ field: 'options', reason: `a ${kind} question has no options` }] : [];
  }
  const list = options ?? [];
  if (list.length < SURVEY_LIMITS.minOptions || list.length > SURVEY_LIMITS.maxOptions) {
    return [
      {
        field: 'options',
        reason: `a choice question needs ${SURVEY_LIMITS.minOptions} to ${SURVEY_LIMITS.maxOptions} options`,
      },
    ];
  }
  const seen = new Set<string>();
  for (const [i, option] of list.entries()) {
    const key = option.toLowerCase();
    if (seen.has(key)) return [{ field: `options.${i}`, reason: 'is a duplicate option' }];
    seen.add(key);
  }
  return [];
}

export interface AnswerableItem {
  id: string;
  kind: QuestionKind;
  options: string[];
}

export interface AnswerInput {
  itemId: string;
  rating?: number | null;
  choices?: string[] | null;
  text?: string | null;
}

export interface AnswerValue {
  itemId: string;
  rating: number | null;
  choices: string[] | null;
  text: string | null;
}

/**
 * Checks answers against the survey's items. Every problem is reported with the field it
 * concerns (`answers.2.rating`), in the same form as the validation pipe's details.
 */
export function checkAnswers(
  items: readonly AnswerableItem[],
  answers: readonly AnswerInput[],
): { errors: FieldError[]; values: AnswerValue[] } {
  const byId = new Map(items.map((item) => [item.id, item]));
  const errors: FieldError[] = [];
  const values: AnswerValue[] = [];
  const answered = new Set<string>();
  answers.forEach((answer, i) => {
    const at = (name: string): string => `answers.${i}.${name}`;
    const item = byId.get(answer.itemId);
    if (!item) {
      errors.push({ field: at('itemId'), reason: 'is not a question of this survey' });
      return;
    }
    if (answered.has(item.id)) {
      errors.push({ field: at('itemId'), reason: 'is answered twice' });
      return;
    }
    answered.add(item.id);
    const own: FieldError[] = [];
    const rating = answer.rating ?? null;
    const choices = answer.choices ?? null;
    const text = answer.text ?? null;
    if (item.kind !== 'rating' && rating !== null)
      own.push({ field: at('rating'), reason: 'this question is not a rating' });
    if (!isChoice(item.kind) && choices !== null)
      own.push({ field: at('choices'), reason: 'this question has no choices' });
    if (item.kind !== 'free_text' && text !== null)
      own.push({ field: at('text'), reason: 'this question takes no text' });
    if (item.kind === 'rating' && (rating === null || !Number.isInteger(rating) || rating < 1 || rating > 5)) {
      own.push({ field: at('rating'), reason: 'must be a whole number from 1 to 5' });
    }
    if (isChoice(item.kind)) {
      const list = choices ?? [];
      if (item.kind === 'single_choice' && list.length !== 1) {
        own.push({ field: at('choices'), reason: 'choose exactly one option' });
      } else if (list.length < 1) {
        own.push({ field: at('choices'), reason: 'choose at least one option' });
      } else if (new Set(list).size !== list.length) {
        own.push({ field: at('choices'), reason: 'an option is chosen twice' });
      }
      const unknown = list.find((c) => !item.options.includes(c));
      if (unknown !== undefined) own.push({ field: at('choices'), reason: `"${unknown}" is not an option` });
    }
    if (item.kind === 'free_text') {
      const trimmed = text?.trim() ?? '';
      if (!trimmed) own.push({ field: at('text'), reason: 'must not be empty' });
      else if (trimmed.length > SURVEY_LIMITS.freeTextChars) {
        own.push({ field: at('text'), reason: `must be at most ${SURVEY_LIMITS.freeTextChars} characters` });
      }
    }
    errors.push(...own);
    if (!own.length) {
      values.push({
        itemId: item.id,
        rating: item.kind === 'rating' ? rating : null,
        choices: isChoice(item.kind) ? [...(choices ?? [])] : null,
        text: item.kind === 'free_text' ? text!.trim() : null,
      });
    }
  });
  if (!answers.length) errors.push({ field: 'answers', reason: 'answer at least one question' });
  return { errors, values };
}
