import type { ItemView, Participation, QuestionResult, WaveResults } from '@contract';
import {
  answersToSend,
  formFromAnswers,
  heatMatrix,
  participationHeadlines,
  percent,
  satisfactionHeadline,
  toggleChoice,
  trendSeries,
} from './figures';

const row = (shortName: string, groupId: string, kind = 'cluster_association', n = 1) => ({
  organisationId: shortName,
  name: `${shortName} Cluster`,
  shortName,
  kind,
  sector: null,
  groupId,
  groupName: groupId,
  members: n,
  messages: n * 2,
  documents: 1,
  attendance: 0,
  lastActivityAt: null,
  takesPart: n > 0,
  contributed: n > 0,
});

const participation: Participation = {
  period: { from: '2025-01-01', to: '2025-12-31' },
  associations: 17,
  groups: [
    { groupId: 'g1', slug: 'tech-watch', name: 'Tech', associations: 17, takingPart: 12, contributing: 11 },
    { groupId: 'g2', slug: 'evaluation', name: 'Evaluation', associations: 17, takingPart: 17, contributing: 17 },
  ],
  organisations: [row('Paper', 'g1', 'cluster_association', 3), row('Energy', 'g2'), row('Agency', 'g1', 'agency')],
  events: [],
};

describe('evaluation figures', () => {
  it('formats fractions as percentages and keeps missing values visible as a dash', () => {
    expect(percent(0.9)).toBe('90%');
    expect(percent(0.8333)).toBe('83.3%');
    expect(percent(null)).toBe('—');
  });

  it('builds the heat map from cluster associations only, sorted by name, with the chosen metric', () => {
    const m = heatMatrix(participation, 'activity');
    expect(m.organisations).toEqual(['Energy', 'Paper']);
    expect(m.groups).toEqual(['Tech', 'Evaluation']);
    expect(m.cells).toEqual([
      [0, 1, 7],
      [1, 0, 3],
    ]);
    expect(m.max).toBe(7);
    expect(heatMatrix(participation, 'members').cells.map((c) => c[2])).toEqual([3, 1]);
  });

  it('states each group as "n of total"', () => {
    expect(participationHeadlines(participation).map((h) => h.values)).toEqual([
      { count: 12, total: 17, group: 'Tech' },
      { count: 17, total: 17, group: 'Evaluation' },
    ]);
  });

  it('takes the general rating (not a workshop) for the satisfaction headline', () => {
    const q = (over: Partial<QuestionResult>): QuestionResult => ({
      itemId: 'i',
      position: 0,
      questionId: 'q',
      kind: 'rating',
      version: 1,
      versionId: 'v',
      prompt: 'Overall?',
      options: [],
      label: null,
      event: null,
      responses: 10,
      responseRate: 0.5,
      suppressed: false,
      distribution: null,
      mean: 4.2,
      share45: 0.9,
      ...over,
    });
    const results = {
      wave: {
        event: { id: 'e', title: 'Cluster Day 2025', kind: 'cluster_day', startsAt: '' },
        survey: { title: 'S' },
      },
      questions: [
        q({ kind: 'free_text', share45: null }),
        q({ itemId: 'w', label: 'Workshop', share45: 0.8 }),
        q({ itemId: 'g', share45: 0.9 }),
      ],
    } as unknown as WaveResults;
    expect(satisfactionHeadline(results)?.values).toMatchObject({ share: '90%', subject: 'Cluster Day 2025' });
  });

  it('draws one trend line per rating item over the waves, with gaps where a wave lacks it', () => {
    const t = trendSeries([
      {
        waveId: 'a',
        label: '2024',
        status: 'closed',
        anonymous: false,
        invited: 1,
        respondents: 1,
        responseRate: 1,
        items: [
          {
            itemId: 'x',
            questionId: 'q',
            prompt: 'P',
            label: null,
            responses: 5,
            mean: 4,
            share45: 0.75,
            suppressed: false,
          },
        ],
      },
      {
        waveId: 'b',
        label: '2025',
        status: 'open',
        anonymous: false,
        invited: 1,
        respondents: 1,
        responseRate: 1,
        items: [],
      },
    ]);
    expect(t).toEqual({ labels: ['2024', '2025'], series: [{ name: 'P', values: [0.75, null] }] });
  });

  it('sends only answered questions, trimmed, in survey order, and reads a stored response back', () => {
    const item = (id: string, kind: ItemView['kind']) => ({ id, kind }) as ItemView;
    const items = [
      item('r', 'rating'),
      item('c', 'multiple_choice'),
      item('t', 'free_text'),
      item('s', 'single_choice'),
    ];
    const sent = answersToSend(items, {
      t: { text: '  Más visitas ' },
      r: { rating: 4 },
      c: { choices: [] },
      s: { choices: ['B'] },
    });
    expect(sent).toEqual([
      { itemId: 'r', rating: 4 },
      { itemId: 't', text: 'Más visitas' },
      { itemId: 's', choices: ['B'] },
    ]);
    expect(formFromAnswers([{ itemId: 'r', rating: 5, choices: null, text: null }])).toEqual({
      r: { rating: 5, choices: undefined, text: undefined },
    });
    expect(formFromAnswers(null)).toEqual({});
  });

  it('replaces a single choice and toggles a multiple one', () => {
    expect(toggleChoice(['A'], 'B', false)).toEqual(['B']);
    expect(toggleChoice(['A'], 'B', true)).toEqual(['A', 'B']);
    expect(toggleChoice(['A', 'B'], 'A', true)).toEqual(['B']);
  });
});
