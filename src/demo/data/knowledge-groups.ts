import type { DemoDocument } from '../knowledge';
import { MEETING_TEMPLATE, templates } from './templates';
import { P } from './world';

const minutes = (agenda: string, discussion: string): string =>
  MEETING_TEMPLATE.replace('1. ', agenda).replace('- \n', `${discussion}\n`);

/** Evaluation: the framework behind the agency's two figures, sources, and a working session. */
export const EVALUATION_DOCUMENTS: DemoDocument[] = [
  ...templates(P.maite, 'd25 08:20'),
  {
    kind: 'page',
    title: 'Evaluation framework',
    tags: ['evaluation'],
    body: 'Two headline figures: associations taking part per working group (of 17), and the share rating events 4–5.',
    author: P.maite,
    at: 'd24 09:10',
    revisions: [
      {
        at: 'd14 10:30',
        by: P.maite,
        body: 'Two headline figures:\n\n1. **Associations taking part** per working group, out of 17: a member in the group *and* a contribution in the period (a message, a document, a meeting attended).\n2. **Satisfaction**: the share of participants rating an event 4–5 out of 5.\n\nSources: the participation page and the survey results. Method notes in [[Cluster Day survey: what the answers say]].',
      },
      {
        at: 'd5 14:45',
        by: P.june,
        body: 'Two headline figures:\n\n1. **Associations taking part** per working group, out of 17: a member in the group *and* a contribution in the period (a message, a document, a meeting attended).\n2. **Satisfaction**: the share of participants rating an event 4–5 out of 5.\n\nSources: the participation page and the survey results. Method notes in [[Cluster Day survey: what the answers say]].\n\n> Suggestion (Health): report the free-text themes next to the figures, so the board sees *why*.',
      },
    ],
  },
  {
    kind: 'ci_note',
    title: 'OECD: evaluating cluster policies',
    sourceUrl: 'https://www.oecd.org/en/topics/regional-development.html',
    publisher: 'OECD',
    publishedAt: '2024-10-01',
    relevance: 4,
    tags: ['evaluation', 'cluster policy'],
    body: 'Participation and satisfaction are intermediate outcomes; combine them with firm-level results.\n\nSee [[Evaluation framework]].',
    author: P.maite,
    at: 'd23 11:00',
  },
  {
    kind: 'ci_note',
    title: 'European Cluster Collaboration Platform: participation benchmarks',
    sourceUrl: 'https://clustercollaboration.eu/',
    publisher: 'European Cluster Collaboration Platform',
    publishedAt: '2025-02-14',
    relevance: 3,
    tags: ['evaluation', 'participation'],
    body: 'Benchmarks for how many member organisations take part in cross-cluster working groups.',
    author: P.ane,
    at: 'd20 15:35',
  },
  {
    kind: 'page',
    title: 'Cluster Day survey: what the answers say',
    tags: ['evaluation', 'cluster day'],
    body: '10 of the 17 associations answered. 9 rated the day 4–5; the workshops scored 80% each.\n\nBack to [[Evaluation framework]].',
    author: P.maite,
    at: 'd12 09:20',
    revisions: [
      {
        at: 'd7 16:10',
        by: P.ane,
        body: '10 of the 17 associations answered. 9 rated the day 4–5; the workshops scored 80% each.\n\n**Free-text themes**\n- more time for questions after each workshop (3 mentions)\n- share the slides before the day\n- more afternoon workshops\n\nBack to [[Evaluation framework]].',
      },
    ],
  },
  {
    kind: 'meeting_summary',
    title: 'Evaluation working session: Cluster Day results',
    author: P.maite,
    at: 'd10 15:30',
    meeting: 'd10 10:00',
    tags: ['minutes', 'cluster day'],
    body: minutes(
      "1. Cluster Day survey results\n2. Participation figures for the board\n3. User's Voice wave",
      '- The 80% workshop score holds in all three workshops; the food association rated lowest.',
    ),
    attendees: { people: [P.maite, P.ane, P.june, P.aitor, P.itziar], organisations: ['digital', 'electronics'] },
    decisions: [
      "Open this year's User's Voice wave with the same questions as last year",
      'Report participation per group as "associations taking part, of 17"',
    ],
    actions: [
      { text: "Send the User's Voice reminder to the associations that have not answered", owner: P.maite, due: -3 },
      { text: 'Draft the participation report for the board', owner: 'org:health', due: 6 },
      { text: 'Check the contact list of each of the 17 associations', owner: 'org:construction', due: -9 },
      { text: 'Call the food association about its low ratings', owner: P.asier, due: -1 },
    ],
    revisions: [
      {
        at: 'd4 11:40',
        by: P.maite,
        actions: [
          {
            text: "Send the User's Voice reminder to the associations that have not answered",
            owner: P.maite,
            due: -3,
          },
          { text: 'Draft the participation report for the board', owner: 'org:health', due: 6 },
          { text: 'Check the contact list of each of the 17 associations', owner: 'org:construction', due: -9, done: true },
          { text: 'Call the food association about its low ratings', owner: P.asier, due: -1 },
        ],
      },
    ],
  },
];

/** Talent: programmes, apprenticeships and the shared pool of tutors. */
export const TALENT_DOCUMENTS: DemoDocument[] = [
  ...templates(P.iker, 'd25 08:40'),
  {
    kind: 'page',
    title: 'Upskilling catalogue',
    tags: ['upskilling programmes'],
    body: 'Programmes open to members of the associations, by sector and format.\n\nSee also [[Apprenticeship programmes]].',
    author: P.iker,
    at: 'd22 10:05',
    revisions: [
      {
        at: 'd12 13:15',
        by: P.june,
        body: 'Programmes open to members of the associations, by sector and format.\n\n| Programme | Sector | Format |\n|---|---|---|\n| Clinical data basics | health | online, 6 weeks |\n| Lean for SMEs | manufacturing | in person, 3 days |\n\nSee also [[Apprenticeship programmes]].',
      },
      {
        at: 'd3 10:25',
        by: P.uxue,
        body: 'Programmes open to members of the associations, by sector and format.\n\n| Programme | Sector | Format |\n|---|---|---|\n| Clinical data basics | health | online, 6 weeks |\n| Lean for SMEs | manufacturing | in person, 3 days |\n| Virtual production | creative industries | studio, 2 weeks |\n\nSee also [[Apprenticeship programmes]].',
      },
    ],
  },
  {
    kind: 'ci_note',
    title: 'Pact for Skills: automotive partnership upskilling targets',
    sourceUrl: 'https://pact-for-skills.ec.europa.eu/index_en',
    publisher: 'European Commission',
    publishedAt: '2024-11-05',
    relevance: 4,
    tags: ['upskilling programmes', 'automotive'],
    body: 'Large-scale partnerships commit to upskilling a share of the workforce each year; regional clusters can join.\n\nSee [[Upskilling catalogue]].',
    author: P.iker,
    at: 'd21 12:30',
  },
  {
    kind: 'page',
    title: 'Apprenticeship programmes',
    tags: ['apprenticeships'],
    body: 'Shared tutors, pooled places, calendars. Back to [[Upskilling catalogue]].',
    author: P.irati,
    at: 'd19 09:45',
    revisions: [
      {
        at: 'd8 14:20',
        by: P.irati,
        body: 'Shared tutors, pooled places, calendars.\n\n- **Tutors:** maritime (2), metals (1), paper (1) so far.\n- **Places:** 14 offered for the spring intake.\n- **Calendar:** applications close four weeks before the intake.\n\nBack to [[Upskilling catalogue]].',
      },
    ],
  },
  {
    kind: 'ci_note',
    title: 'Dual vocational training: apprenticeships in SMEs',
    sourceUrl: 'https://www.cedefop.europa.eu/en/themes/apprenticeships',
    publisher: 'Cedefop',
    publishedAt: '2025-06-18',
    relevance: 3,
    tags: ['upskilling programmes', 'apprenticeships'],
    body: 'SMEs need shared tutors and pooled training places to take apprentices.',
    author: P.irati,
    at: 'd18 16:00',
  },
  {
    kind: 'meeting_summary',
    title: 'Talent group: a shared apprenticeship pool',
    author: P.iker,
    at: 'd9 12:45',
    meeting: 'd9 09:30',
    tags: ['minutes', 'apprenticeships'],
    body: minutes(
      '1. Tutors each association can offer\n2. Pooled places for the spring intake\n3. Dual degrees with the university',
      '- Maritime and metals will share tutors; the paper association can host two apprentices.',
    ),
    attendees: { people: [P.iker, P.irati, P.garazi, P.maider, P.idoia], organisations: ['health'] },
    decisions: ['Start the pool with the spring intake', 'Publish the tutor list in the Apprenticeship programmes page'],
    actions: [
      { text: 'List the tutors each association can offer', owner: 'org:metals', due: -4 },
      { text: 'Ask the university about dual-degree places', owner: P.idoia, due: 12 },
      { text: 'Draft the pooled-places agreement', owner: P.iker, due: -1 },
      { text: 'Collect the calendars of the intakes', owner: 'org:maritime', due: -7, done: true },
    ],
  },
];
