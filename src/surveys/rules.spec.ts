import { AnswerableItem, checkAnswers, checkOptions } from './rules';

const items: AnswerableItem[] = [
  { id: 'r', kind: 'rating', options: [] },
  { id: 's', kind: 'single_choice', options: ['yes', 'no'] },
  { id: 'm', kind: 'multiple_choice', options: ['a', 'b', 'c'] },
  { id: 't', kind: 'free_text', options: [] },
];

describe('checkAnswers', () => {
  it('accepts one valid answer per kind and normalises them', () => {
    const { errors, values } = checkAnswers(items, [
      { itemId: 'r', rating: 4 },
      { itemId: 's', choices: ['no'] },
      { itemId: 'm', choices: ['a', 'c'] },
      { itemId: 't', text: '  Great day  ' },
    ]);
    expect(errors).toEqual([]);
    expect(values).toEqual([
      { itemId: 'r', rating: 4, choices: null, text: null },
      { itemId: 's', rating: null, choices: ['no'], text: null },
      { itemId: 'm', rating: null, choices: ['a', 'c'], text: null },
      { itemId: 't', rating: null, choices: null, text: 'Great day' },
    ]);
  });

  it.each([0, 6, 3.5, null])('refuses the rating %p, naming the field', (rating) => {
    const { errors } = checkAnswers(items, [{ itemId: 'r', rating }]);
    expect(errors).toEqual([{ field: 'answers.0.rating', reason: 'must be a whole number from 1 to 5' }]);
  });

  it('refuses an answer to a question that is not in the survey', () => {
    const { errors } = checkAnswers(items, [
      { itemId: 'r', rating: 5 },
      { itemId: 'elsewhere', rating: 5 },
    ]);
    expect(errors).toEqual([{ field: 'answers.1.itemId', reason: 'is not a question of this survey' }]);
  });

  it('refuses a question answered twice, unknown options and wrong counts of choices', () => {
    const { errors } = checkAnswers(items, [
      { itemId: 'r', rating: 5 },
      { itemId: 'r', rating: 4 },
      { itemId: 's', choices: ['yes', 'no'] },
      { itemId: 'm', choices: ['z'] },
    ]);
    expect(errors).toEqual([
      { field: 'answers.1.itemId', reason: 'is answered twice' },
      { field: 'answers.2.choices', reason: 'choose exactly one option' },
      { field: 'answers.3.choices', reason: '"z" is not an option' },
    ]);
  });

  it('refuses fields that do not belong to the kind, and empty text', () => {
    const { errors } = checkAnswers(items, [
      { itemId: 'r', rating: 5, text: 'x' },
      { itemId: 't', text: '   ' },
    ]);
    expect(errors).toEqual([
      { field: 'answers.0.text', reason: 'this question takes no text' },
      { field: 'answers.1.text', reason: 'must not be empty' },
    ]);
  });

  it('refuses an empty response', () => {
    expect(checkAnswers(items, []).errors).toEqual([{ field: 'answers', reason: 'answer at least one question' }]);
  });
});

describe('checkOptions', () => {
  it('requires 2–20 distinct options for choice questions only', () => {
    expect(checkOptions('single_choice', ['yes'])[0].field).toBe('options');
    expect(checkOptions('multiple_choice', ['A', 'a'])).toEqual([
      { field: 'options.1', reason: 'is a duplicate option' },
    ]);
    expect(checkOptions('rating', ['x'])).toEqual([{ field: 'options', reason: 'a rating question has no options' }]);
    expect(checkOptions('rating', undefined)).toEqual([]);
    expect(checkOptions('single_choice', ['yes', 'no'])).toEqual([]);
  });
});
