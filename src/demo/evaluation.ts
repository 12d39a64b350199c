import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { replaceAttendance } from '../events/event-people.service';
import { EventInvitation } from '../events/event-invitation.entity';
import { AgendaEvent } from '../events/event.entity';
import { WorkingGroup } from '../groups/working-group.entity';
import { Organisation } from '../organisations/organisation.entity';
import { SurveyQuestion, SurveyQuestionVersion } from '../surveys/question.entity';
import { SurveyAnswer, SurveyRespondent, SurveyResponse } from '../surveys/response.entity';
import { QuestionKind } from '../surveys/rules';
import { Survey, SurveyItem, SurveyWave } from '../surveys/survey.entity';
import { User } from '../users/user.entity';
import { ASSOCIATION_PEOPLE, CLUSTER_ASSOCIATIONS, GROUPS } from './data/world';

/**
 * Demo evaluation loop, built so the agency's own sentences come out of the live figures:
 * - a Cluster Day about two months ago, 17 associations invited and present, with three
 *   thematic workshops (Technology Watch & CI: the 12 member associations; Evaluation: all
 *   17; Talent: its 7) — the workshops of a group count as that group's meeting attendance,
 *   so "12 of 17" and "17 of 17" also hold for contributions in the default period;
 * - its anonymous satisfaction survey, wave closed: 10 of the 17 responded, 9 rated the
 *   day 4–5 (90%), and 20 of the 25 workshop ratings are 4–5 (80%, also 80% per workshop);
 * - the User's Voice, attributed: last year's wave closed, this year's open.
 */
export const CLUSTER_DAY_SURVEY = 'Cluster Day satisfaction';
export const USERS_VOICE_SURVEY = "User's Voice";

const DAY = 86_400_000;

interface Ids {
  user: (email: string) => User;
  group: (slug: string) => string;
  orgs: Organisation[];
}

export async function seedEvaluation(m: EntityManager, now = new Date()): Promise<boolean> {
  if (await m.existsBy(Survey, { title: CLUSTER_DAY_SURVEY })) return false;
  const emails = [...ASSOCIATION_PEOPLE.map((p) => p.email), 'admin@agency.demo', 'jon@agency.demo'];
  const users = await m.findBy(User, { email: In(emails) });
  const groups = await m.findBy(WorkingGroup, { slug: In(GROUPS.map((g) => g.slug)) });
  const orgs = await m.findBy(Organisation, { name: In(CLUSTER_ASSOCIATIONS.map((o) => o.name)) });
  if (
    users.length !== emails.length ||
    groups.length !== GROUPS.length ||
    orgs.length !== CLUSTER_ASSOCIATIONS.length
  ) {
    return false; // not the demo world: leave it alone
  }
  const ids: Ids = {
    user: (email) => users.find((u) => u.email === email)!,
    group: (slug) => groups.find((g) => g.slug === slug)!.id,
    orgs,
  };
  const bank = await seedBank(m, ids.user('admin@agency.demo').id);
  await seedClusterDay(m, ids, bank, now);
  await seedUsersVoice(m, ids, bank, now);
  await m.insert(AgendaEvent, {
    kind: 'group_meeting',
    title: 'Tech watch plenary — radar review',
    description: 'Monthly review of the technology radar.',
    startsAt: new Date(Math.floor(now.getTime() / DAY) * DAY + 14 * DAY + 9 * 3_600_000),
    online: true,
    place: null,
    groupId: ids.group('tech-watch'),
    createdById: ids.user('jon@agency.demo').id,
  });
  return true;
}

type Bank = Record<
  'satisfaction' | 'workshop' | 'improve' | 'support' | 'used' | 'differently',
  { id: string; versionId: string }
>;

async function seedBank(m: EntityManager, authorId: string): Promise<Bank> {
  const questions: Array<[keyof Bank, QuestionKind, string, string[]]> = [
    ['satisfaction', 'rating', 'Overall, how satisfied are you with the event?', []],
    ['workshop', 'rating', 'How would you rate this workshop?', []],
    ['improve', 'free_text', 'What should we improve next time?', []],
    ['support', 'rating', "How satisfied are you with the agency's support this year?", []],
    [
      'used',
      'multiple_choice',
      'Which support did your association use?',
      ['Working groups', 'Cluster Day', 'Funding advice', 'Internationalisation'],
    ],
    ['differently', 'free_text', 'What should the agency do differently?', []],
  ];
  const bank = {} as Bank;
  for (const [key, kind, prompt, options] of questions) {
    const q = await m.save(m.create(SurveyQuestion, { kind, currentVersion: 1, createdById: authorId }));
    const v = await m.save(m.create(SurveyQuestionVersion, { questionId: q.id, version: 1, prompt, options }));
    bank[key] = { id: q.id, versionId: v.id };
  }
  return bank;
}

async function seedClusterDay(m: EntityManager, ids: Ids, bank: Bank, now: Date): Promise<void> {
  const start = new Date(Math.floor((now.getTime() - 60 * DAY) / DAY) * DAY + 8 * 3_600_000);
  const year = start.getUTCFullYear();
  const adminId = ids.user('admin@agency.demo').id;
  const day = await m.save(
    m.create(AgendaEvent, {
      kind: 'cluster_day',
      title: `Cluster Day ${year}`,
      description: 'The yearly meeting of the agency and the 17 cluster associations.',
      startsAt: start,
      endsAt: new Date(start.getTime() + 9 * 3_600_000),
      place: 'Bizkaia Aretoa, Bilbao',
      online: false,
      createdById: adminId,
    }),
  );
  await m.insert(
    EventInvitation,
    ids.orgs.map((o) => ({ eventId: day.id, organisationId: o.id })),
  );
  const person = (key: string): User => ids.user(ASSOCIATION_PEOPLE.find((p) => p.organisation === key)!.email);
  await replaceAttendance(
    m,
    day.id,
    CLUSTER_ASSOCIATIONS.map((o) => person(o.key)),
  );

  const workshops: Record<string, AgendaEvent> = {};
  for (const [i, g] of GROUPS.entries()) {
    const w = await m.save(
      m.create(AgendaEvent, {
        kind: 'thematic_workshop',
        title: `Workshop: ${g.name}`,
        startsAt: new Date(start.getTime() + (2 + i * 2) * 3_600_000),
        endsAt: new Date(start.getTime() + (3.5 + i * 2) * 3_600_000),
        place: `Bizkaia Aretoa, room ${i + 1}`,
        online: false,
        groupId: ids.group(g.slug),
        parentId: day.id,
        createdById: adminId,
      }),
    );
    await m.insert(
      EventInvitation,
      g.associations.map((key) => ({ eventId: w.id, organisationId: orgOf(ids, key) })),
    );
    await replaceAttendance(m, w.id, g.associations.map(person));
    workshops[g.slug] = w;
  }

  const survey = await m.save(
    m.create(Survey, {
      title: CLUSTER_DAY_SURVEY,
      description: 'Sent to everyone who attended the Cluster Day and its workshops.',
      eventId: day.id,
      groupId: null,
      createdById: adminId,
    }),
  );
  const items = {
    general: await item(m, survey.id, bank.satisfaction.id, 0, null, null),
    'tech-watch': await item(
      m,
      survey.id,
      bank.workshop.id,
      1,
      workshops['tech-watch'].id,
      workshops['tech-watch'].title,
    ),
    evaluation: await item(m, survey.id, bank.workshop.id, 2, workshops.evaluation.id, workshops.evaluation.title),
    talent: await item(m, survey.id, bank.workshop.id, 3, workshops.talent.id, workshops.talent.title),
    improve: await item(m, survey.id, bank.improve.id, 4, null, null),
  };
  const wave = await m.save(
    m.create(SurveyWave, {
      surveyId: survey.id,
      label: String(year),
      anonymous: true,
      status: 'closed',
      openedAt: new Date(start.getTime() + DAY),
      closedAt: new Date(start.getTime() + 21 * DAY),
    }),
  );
  // [association, general, tech-watch, evaluation, talent (null: did not attend), free text]
  const answers: Array<[string, number, number, number, number | null, string | null]> = [
    ['energy', 5, 5, 4, null, 'More time for questions after each workshop.'],
    ['manufacturing', 5, 5, 5, null, null],
    ['automotive', 5, 4, 5, 5, 'Compartir las presentaciones antes de la jornada, por favor.'],
    ['aerospace', 5, 4, 4, null, null],
    ['maritime', 4, 4, 4, 4, 'Great networking — thanks to the organisers!'],
    ['health', 4, 5, 4, 4, null],
    ['environment', 4, 4, 5, 4, 'Tailer gehiago arratsaldean; eskerrik asko.'],
    ['digital', 4, 4, 3, null, null],
    ['paper', 4, 3, 4, 3, null],
    ['food', 3, 2, 3, null, null],
  ];
  for (const [key, general, tech, evaluation, talent, text] of answers) {
    const org = ids.orgs.find((o) => o.id === orgOf(ids, key))!;
    const responseId = await anonymousResponse(m, wave.id, person(key).id, org);
    const rows = [
      { itemId: items.general, versionId: bank.satisfaction.versionId, rating: general },
      { itemId: items['tech-watch'], versionId: bank.workshop.versionId, rating: tech },
      { itemId: items.evaluation, versionId: bank.workshop.versionId, rating: evaluation },
      ...(talent === null ? [] : [{ itemId: items.talent, versionId: bank.workshop.versionId, rating: talent }]),
    ].map((a): Partial<SurveyAnswer> => ({
      responseId,
      itemId: a.itemId,
      questionVersionId: a.versionId,
      rating: a.rating,
      choices: null,
      text: null,
    }));
    if (text)
      rows.push({
        responseId,
        itemId: items.improve,
        questionVersionId: bank.improve.versionId,
        rating: null,
        choices: null,
        text,
      });
    await m.insert(SurveyAnswer, rows);
  }
}

async function seedUsersVoice(m: EntityManager, ids: Ids, bank: Bank, now: Date): Promise<void> {
  const year = now.getUTCFullYear();
  const survey = await m.save(
    m.create(Survey, {
      title: USERS_VOICE_SURVEY,
      description: 'The yearly survey of the associations about the support the agency gives them.',
      eventId: null,
      groupId: null,
      createdById: ids.user('admin@agency.demo').id,
    }),
  );
  const support = await item(m, survey.id, bank.support.id, 0, null, null);
  const used = await item(m, survey.id, bank.used.id, 1, null, null);
  const differently = await item(m, survey.id, bank.differently.id, 2, null, null);
  const waves: Array<{
    label: string;
    status: 'open' | 'closed';
    openedAt: Date;
    closedAt: Date | null;
    from: number;
    ratings: number[];
  }> = [
    {
      label: String(year - 1),
      status: 'closed',
      openedAt: new Date(Date.UTC(year - 1, 2, 1)),
      closedAt: new Date(Date.UTC(year - 1, 3, 1)),
      from: 0,
      ratings: [5, 4, 4, 3, 4, 5, 3, 4, 4, 2, 4, 5],
    },
    {
      label: String(year),
      status: 'open',
      openedAt: new Date(now.getTime() - 7 * DAY),
      closedAt: null,
      from: 1, // ane@energy.demo has not answered yet: the demo login can
      ratings: [5, 4, 5, 4, 4, 3],
    },
  ];
  const options = ['Working groups', 'Cluster Day', 'Funding advice', 'Internationalisation'];
  for (const w of waves) {
    const wave = await m.save(
      m.create(SurveyWave, {
        surveyId: survey.id,
        label: w.label,
        anonymous: false,
        status: w.status,
        openedAt: w.openedAt,
        closedAt: w.closedAt,
      }),
    );
    for (const [i, rating] of w.ratings.entries()) {
      const who = ASSOCIATION_PEOPLE[w.from + i];
      const user = ids.user(who.email);
      const org = ids.orgs.find((o) => o.id === user.organisationId)!;
      const response = await m.save(
        m.create(SurveyResponse, {
          waveId: wave.id,
          userId: user.id,
          organisationId: org.id,
          organisationKind: org.kind,
          organisationSector: org.sector,
          editTokenHash: null,
          updatedAt: w.closedAt ?? now,
        }),
      );
      await m.insert(SurveyRespondent, { waveId: wave.id, userId: user.id });
      const answers = [
        { itemId: support, questionVersionId: bank.support.versionId, rating, choices: null, text: null },
        {
          itemId: used,
          questionVersionId: bank.used.versionId,
          rating: null,
          choices: options.filter((_, k) => (i + k) % 3 !== 2),
          text: null,
        },
      ];
      await m.insert(
        SurveyAnswer,
        answers.map((a) => ({ ...a, responseId: response.id })),
      );
      if (i % 4 === 0) {
        await m.insert(SurveyAnswer, {
          responseId: response.id,
          itemId: differently,
          questionVersionId: bank.differently.versionId,
          text: [
            'Faster answers on funding calls.',
            'More visits to the associations.',
            'Un boletín mensual con las convocatorias.',
          ][i / 4],
        });
      }
    }
  }
}

function orgOf(ids: Ids, key: string): string {
  const name = CLUSTER_ASSOCIATIONS.find((o) => o.key === key)!.name;
  return ids.orgs.find((o) => o.name === name)!.id;
}

async function item(
  m: EntityManager,
  surveyId: string,
  questionId: string,
  position: number,
  eventId: string | null,
  label: string | null,
): Promise<string> {
  return (await m.save(m.create(SurveyItem, { surveyId, questionId, position, eventId, label }))).id;
}

/** As the API stores it: no person, no time; the respondents table alone says who answered. */
async function anonymousResponse(m: EntityManager, waveId: string, userId: string, org: Organisation): Promise<string> {
  const response = await m.save(
    m.create(SurveyResponse, {
      waveId,
      userId: null,
      organisationId: null,
      organisationKind: org.kind,
      organisationSector: org.sector,
      editTokenHash: createHash('sha256').update(randomBytes(24)).digest('hex'),
      updatedAt: null,
    }),
  );
  await m.insert(SurveyRespondent, { waveId, userId });
  return response.id;
}
