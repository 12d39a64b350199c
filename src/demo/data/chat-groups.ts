import { DemoChannelHistory, say } from '../conversations';
import { P } from './world';

/** Evaluation: defining the figures, the Cluster Day results, the User's Voice wave. */
export const EVALUATION_HISTORY: DemoChannelHistory[] = [
  {
    group: 'evaluation',
    channel: 'general',
    messages: [
      say(
        'd25 08:30',
        P.maite,
        "Welcome to **Evaluation**! Here we agree how the agency's support is measured, and check the figures before they go to the board.",
        {
          react: { '👋': [P.ane, P.june, P.aitor, P.itziar] },
          replies: [say('d25 09:00', P.aitor, 'Kaixo! Construction is in. Looking forward to the figures.')],
        },
      ),
      say(
        'd24 09:20',
        P.maite,
        'I started the Evaluation framework page: two headline figures, associations taking part per group (of 17) and the share rating events 4–5.',
        {
          replies: [
            say('d24 09:50', P.june, 'Does "taking part" mean being a member, or actually contributing?'),
            say('d24 10:05', P.maite, "Both: a member *and* a contribution in the period. I'll write it down."),
            say('d24 10:20', P.julen, '+1, membership alone would flatter the numbers.'),
          ],
        },
      ),
      say(
        'd23 11:10',
        P.maite,
        'Added an OECD source on evaluating cluster policies. Their point: participation and satisfaction are intermediate outcomes.',
        { react: { '👍': [P.ane] } },
      ),
      say(
        'd20 15:40',
        P.ane,
        'Shared a note on participation benchmarks from the European Cluster Collaboration Platform.',
        { react: { '👍': [P.maite, P.uxue] } },
      ),
      say(
        'd17 10:00',
        P.itziar,
        'Habitat question: do online meetings count as attendance in the same way as meetings in person?',
        { replies: [say('d17 10:25', P.maite, 'Yes. What counts is that the association was there.')] },
      ),
      say(
        'd14 10:40',
        P.maite,
        'Framework updated: "taking part" is now member + contribution. Thanks @June Olaizola and @Julen Ruiz for pushing on this.',
        { react: { '🙏': [P.june, P.julen] } },
      ),
      say(
        'd12 09:30',
        P.maite,
        'Cluster Day survey results: 10 of 17 associations answered, 9 rated the day 4–5 (90%), and each workshop scored 80%. The write-up is in Knowledge.',
        {
          react: { '🎉': [P.ane, P.june, P.aitor, P.asier, P.gorka, P.xabier] },
          replies: [
            say(
              'd12 09:55',
              P.asier,
              'Food rated lowest, and fairly: our workshop ran late. Happy to explain in the session.',
            ),
            say('d12 10:10', P.maite, 'Thanks Asier, that is exactly the context the board needs.'),
          ],
        },
      ),
      say('d11 15:00', P.maite, 'Working session tomorrow at 10:00 on the Cluster Day results. The agenda is in the event.', {
        react: { '👍': [P.ane, P.june] },
      }),
      say(
        'd10 15:40',
        P.maite,
        'The session summary is published, with four action items. @Asier Lopez could you take the call with your board about the ratings?',
        { replies: [say('d10 16:00', P.asier, "Yes, I'll call them this week.")] },
      ),
      say(
        'd7 16:15',
        P.ane,
        'Added the free-text themes to the survey write-up: "more time for questions" came up three times.',
        { react: { '👍': [P.maite, P.june] } },
      ),
      say(
        'd5 14:50',
        P.june,
        'Suggestion added to the framework: report the free-text themes next to the figures, so the board sees why.',
        { replies: [say('d5 15:10', P.maite, "Agreed, I'll do it in the report.")] },
      ),
      say(
        'd4 11:45',
        P.aitor,
        'The contact list of the 17 associations is checked: two emails were out of date, fixed now. Action item closed.',
        { react: { '✅': [P.maite], '🙏': [P.itziar] } },
      ),
      say(
        'd2 10:00',
        P.maite,
        "The User's Voice wave is open. Please answer for your association, it takes five minutes. A reminder goes out this week.",
        { react: { '👍': [P.gorka, P.nahia] } },
      ),
      say(
        'd1 16:30',
        P.maite,
        "Two items are overdue: the User's Voice reminder (mine, sorry!) and the call with the food association. @Asier Lopez any news?",
        { replies: [say('m70', P.asier, 'The call is booked for tomorrow morning.')] },
      ),
    ],
  },
  {
    group: 'evaluation',
    channel: 'surveys',
    messages: [
      say(
        'd22 13:00',
        P.maite,
        "A channel for survey work: question bank, waves, results. First question: do we keep last year's User's Voice questions, so the waves compare?",
        {
          replies: [
            say('d22 13:30', P.gorka, 'Keep them. Comparability beats perfect wording.'),
            say('d22 13:45', P.uxue, 'Agreed. Maybe add one free-text question at the end?'),
            say('d22 14:00', P.maite, 'It is there already: "What should the agency do differently?"'),
          ],
        },
      ),
      say(
        'd18 10:15',
        P.xabier,
        'Can the Cluster Day survey stay anonymous and still tell us which associations answered?',
        {
          replies: [
            say(
              'd18 10:40',
              P.maite,
              'Yes: who answered is recorded apart from the answers. We see "10 of 17", never who said what.',
              { react: { '👍': [P.xabier, P.nahia] } },
            ),
          ],
        },
      ),
      say(
        'd13 11:30',
        P.nahia,
        '"Tailer gehiago arratsaldean" in the free text is ours, I think 😄 More afternoon workshops next year?',
        { react: { '😄': [P.ane, P.maite] } },
      ),
      say(
        'd9 09:10',
        P.maite,
        'The Cluster Day wave is closed. The results page and the CSV are there for admins; the figures are in the write-up.',
        { react: { '👍': [P.june] } },
      ),
      say(
        'd3 14:20',
        P.julen,
        "Electronics answered the User's Voice today. Question 2 (which support did you use) could offer 'other' next year.",
        { replies: [say('d3 14:35', P.maite, "Noted for next year's version of the question.")] },
      ),
      say('m240', P.itziar, "Habitat's answer is in too. ✅", { react: { '👍': [P.maite] } }),
    ],
  },
];

/** Talent: the upskilling catalogue and the shared apprenticeship pool. */
export const TALENT_HISTORY: DemoChannelHistory[] = [
  {
    group: 'talent',
    channel: 'general',
    messages: [
      say(
        'd25 08:50',
        P.iker,
        'Kaixo! Welcome to **Talent**. Our aims this term: a shared apprenticeship pool, and a catalogue of upskilling programmes members can really use.',
        { react: { '👋': [P.irati, P.garazi, P.uxue] } },
      ),
      say(
        'd22 10:10',
        P.iker,
        'I started the Upskilling catalogue page. It is thin: please add the programmes open to people from your associations.',
        {
          replies: [
            say('d22 10:40', P.june, "Health has a clinical data course; I'll add it."),
            say('d22 10:55', P.uxue, 'Creative has a virtual-production bootcamp, adding it too.'),
          ],
        },
      ),
      say(
        'd21 12:40',
        P.iker,
        'Note on the Pact for Skills automotive partnership: regional clusters can join. @Leire Zubizarreta is Automotive in already?',
        {
          replies: [
            say(
              'd21 13:10',
              P.leire,
              "We signed up last year but haven't reported anything since. I'll find out who owns it.",
            ),
          ],
        },
      ),
      say(
        'd17 10:05',
        P.idoia,
        "As promised in Tech Watch: the university's short course on predictive maintenance is open to the associations' members. Syllabus on request.",
        { react: { '🙏': [P.iker, P.garazi] } },
      ),
      say(
        'd15 11:20',
        P.garazi,
        'Metals: four companies are ready to take apprentices, but there is no tutor capacity. Anyone in the same situation?',
        {
          replies: [
            say('d15 11:45', P.irati, 'Maritime too. Shared tutors could solve it: see the Apprenticeship programmes page.'),
            say('d15 12:00', P.iker, "Let's make it the topic of our next meeting."),
          ],
        },
      ),
      say('d12 13:20', P.june, 'Added the clinical data course to the catalogue, and Lean for SMEs.', {
        react: { '👍': [P.iker] },
      }),
      say(
        'd9 12:50',
        P.iker,
        'Meeting summary published: we start a shared apprenticeship pool with the spring intake. Four action items.',
        { react: { '🎉': [P.irati, P.garazi, P.maider, P.idoia] } },
      ),
      say('d7 09:30', P.maider, 'Paper can host two apprentices in the pool. Who coordinates the paperwork?', {
        replies: [
          say('d7 09:50', P.iker, "I'll draft the pooled-places agreement; each association then signs with its companies."),
        ],
      }),
      say('d3 10:30', P.uxue, 'Virtual-production bootcamp added to the catalogue. Next intake in spring.', {
        react: { '👍': [P.iker, P.june] },
      }),
      say(
        'd1 11:15',
        P.iker,
        'Overdue: the tutor list (Metals) and my own draft agreement. @Garazi Aranburu how is the list going?',
        {
          replies: [
            say('d1 11:40', P.garazi, 'Three tutors confirmed, waiting for one company. By the end of the week.'),
            say('m55', P.iker, 'Great, the draft agreement is nearly ready too.'),
          ],
        },
      ),
    ],
  },
  {
    group: 'talent',
    channel: 'apprenticeships',
    messages: [
      say('d19 09:50', P.irati, 'Started the Apprenticeship programmes page: shared tutors, pooled places, calendars.', {
        react: { '👍': [P.iker] },
      }),
      say('d14 14:00', P.nahia, 'Environment question: can an apprentice rotate between two companies of the pool?', {
        replies: [
          say('d14 14:30', P.irati, "In principle yes, with the same tutor. Let's write it into the agreement."),
          say('d14 14:45', P.iker, 'Noted for the draft.'),
        ],
      }),
      say(
        'd8 14:25',
        P.irati,
        'Page updated: tutors from Maritime (2), Metals (1) and Paper (1); 14 places for the spring intake.',
        { react: { '🎉': [P.garazi, P.maider] } },
      ),
      say(
        'd6 10:10',
        P.idoia,
        'The university can offer dual-degree places to 3–4 apprentices. I will confirm the number by the due date.',
        { react: { '🙏': [P.iker] } },
      ),
      say(
        'd2 16:00',
        P.garazi,
        'Calendar question: applications close four weeks before the intake. Is that the same for every association?',
        {
          replies: [
            say('d2 16:20', P.irati, 'Yes, one calendar for the whole pool. I collected them already (that action is done).'),
          ],
        },
      ),
    ],
  },
];
