/**
 * The Evaluation area (issue 8): participation of the cluster associations per working group
 * (heat map + tables) and the survey waves with their headline satisfaction. Admins see every
 * group, facilitators theirs; the API answers 403 to others, shown as a clear "not allowed".
 */
import type { Participation, SurveyView } from '@contract';
import { FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../components/states';
import { day as formatDay } from '../../lib/dates';
import { useParticipation, useSurveys, useWaveResults } from './api';
import { Chart, ChartOption } from './Chart';
import { HeatMetric, heatMatrix, participationHeadlines, satisfactionHeadline } from './figures';
import { ChartWithTable, CsvLink, NotAllowedOr } from './parts';
import { csvUrl, evaluationPaths } from './urls';

const METRICS: HeatMetric[] = ['activity', 'members', 'messages', 'documents', 'attendance'];

function heatOption(p: Participation, metric: HeatMetric, metricLabel: string): ChartOption {
  const m = heatMatrix(p, metric);
  return {
    tooltip: { position: 'top' },
    grid: { left: 150, right: 16, top: 16, bottom: 90 },
    xAxis: { type: 'category', data: m.groups, axisLabel: { interval: 0, width: 110, overflow: 'break' } },
    yAxis: { type: 'category', inverse: true, data: m.organisations, axisLabel: { interval: 0 } },
    visualMap: {
      min: 0,
      max: Math.max(1, m.max),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#f1f5f5', '#155e63'] },
      text: [String(m.max), '0'],
    },
    series: [{ name: metricLabel, type: 'heatmap', data: m.cells, label: { show: true } }],
  };
}

function ParticipationSection() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [draft, setDraft] = useState(period);
  const [metric, setMetric] = useState<HeatMetric>('activity');
  const q = useParticipation(period.from, period.to);
  const option = useMemo(
    () => (q.data ? heatOption(q.data, metric, t(`evaluation.metrics.${metric}`)) : null),
    [q.data, metric, t],
  );

  if (q.isPending) return <Loading />;
  if (q.error) return <NotAllowedOr error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const associations = p.organisations.filter((o) => o.kind === 'cluster_association');
  return (
    <section aria-labelledby="participation-title" className="evaluation-section">
      <h2 id="participation-title">{t('evaluation.participation')}</h2>
      <form
        className="period-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setPeriod(draft);
        }}
      >
        <div className="field">
          <label htmlFor="period-from">{t('evaluation.from')}</label>
          <input
            id="period-from"
            type="date"
            value={draft.from || p.period.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="period-to">{t('evaluation.to')}</label>
          <input
            id="period-to"
            type="date"
            value={draft.to || p.period.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <button type="submit" className="btn">
          {t('evaluation.apply')}
        </button>
        <div className="field">
          <label htmlFor="heat-metric">{t('evaluation.metric')}</label>
          <select id="heat-metric" value={metric} onChange={(e) => setMetric(e.target.value as HeatMetric)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {t(`evaluation.metrics.${m}`)}
              </option>
            ))}
          </select>
        </div>
      </form>

      <ChartWithTable
        id="heat-title"
        title={t('evaluation.heatMap')}
        csv={<CsvLink href={csvUrl.participation('groups', period.from, period.to)} label={t('evaluation.groups')} />}
        chart={
          option && (
            <Chart
              option={option}
              label={t('evaluation.heatMapLabel')}
              height={Math.max(320, 28 * new Set(associations.map((a) => a.shortName)).size + 110)}
            />
          )
        }
        table={
          <table className="table" data-testid="groups-table">
            <caption className="visually-hidden">{t('evaluation.groups')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.group')}</th>
                <th scope="col" className="num">
                  {t('evaluation.takingPart')}
                </th>
                <th scope="col" className="num">
                  {t('evaluation.contributing')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.groups.map((g) => (
                <tr key={g.groupId}>
                  <th scope="row">{g.name}</th>
                  <td className="num">
                    {g.takingPart} / {g.associations}
                  </td>
                  <td className="num">
                    {g.contributing} / {g.associations}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      <details className="card">
        <summary>
          {t('evaluation.byOrganisation')} ({p.organisations.length})
        </summary>
        <CsvLink
          href={csvUrl.participation('organisations', period.from, period.to)}
          label={t('evaluation.byOrganisation')}
        />
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('members.organisation')}</th>
                <th scope="col">{t('evaluation.group')}</th>
                {(['members', 'messages', 'documents', 'attendance'] as const).map((m) => (
                  <th scope="col" className="num" key={m}>
                    {t(`evaluation.metrics.${m}`)}
                  </th>
                ))}
                <th scope="col" className="hide-narrow">
                  {t('evaluation.lastActivity')}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.organisations.map((o) => (
                <tr key={`${o.organisationId}:${o.groupId}`}>
                  <th scope="row">{o.shortName}</th>
                  <td>{o.groupName}</td>
                  <td className="num">{o.members}</td>
                  <td className="num">{o.messages}</td>
                  <td className="num">{o.documents}</td>
                  <td className="num">{o.attendance}</td>
                  <td className="hide-narrow">{o.lastActivityAt ? formatDay(o.lastActivityAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <section className="card" aria-labelledby="events-part-title">
        <div className="chart-block-head">
          <h3 id="events-part-title">{t('evaluation.eventsPresence')}</h3>
          <CsvLink
            href={csvUrl.participation('events', period.from, period.to)}
            label={t('evaluation.eventsPresence')}
          />
        </div>
        {p.events.length === 0 ? (
          <p className="state state-empty">{t('events.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('events.event')}</th>
                  <th scope="col">{t('events.date')}</th>
                  <th scope="col" className="num">
                    {t('evaluation.organisationsPresent')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.peoplePresent')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.events.map((e) => (
                  <tr key={e.eventId}>
                    <th scope="row">
                      <Link to={evaluationPaths.event(e.eventId)}>{e.title}</Link>
                    </th>
                    <td>{formatDay(e.startsAt)}</td>
                    <td className="num">
                      {e.organisationsPresent} / {e.organisationsInvited}
                    </td>
                    <td className="num">{e.peoplePresent}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}

/** The headline figures first: participation per group and the latest satisfaction per survey. */
function KeyFigures() {
  const { t } = useTranslation();
  const participation = useParticipation('', '');
  const surveys = useSurveys();
  if (!participation.data) return null;
  return (
    <section aria-labelledby="key-figures-title">
      <h2 id="key-figures-title" className="visually-hidden">
        {t('evaluation.keyFigures')}
      </h2>
      <ul className="headlines" data-testid="participation-headlines">
        {participationHeadlines(participation.data).map((h) => (
          <li key={String(h.values.group)}>
            <strong>{t('evaluation.participate', h.values)}</strong>
          </li>
        ))}
        {(surveys.data ?? []).map((s) => {
          const wave = headlineWave(s);
          return wave ? (
            <li key={s.id}>
              <SatisfactionLine waveId={wave.id} />
            </li>
          ) : null;
        })}
      </ul>
    </section>
  );
}

const headlineWave = (s: SurveyView) => s.waves.filter((w) => w.status === 'closed').at(-1) ?? s.waves.at(-1);

function SatisfactionLine({ waveId }: { waveId: string }) {
  const { t } = useTranslation();
  const q = useWaveResults(waveId);
  const h = q.data ? satisfactionHeadline(q.data) : null;
  if (!h) return null;
  return (
    <span className="headline-rated" data-testid="satisfaction-headline">
      <strong>{t('evaluation.rated', h.values)}</strong>{' '}
      <span className="muted">{t('evaluation.ratedDetail', h.values)}</span>
    </span>
  );
}

function SurveyCard({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation();
  return (
    <li className="card survey-card">
      <h3>{survey.title}</h3>
      {survey.event && <p className="muted">{survey.event.title}</p>}
      <p className="muted">{t('evaluation.wavesCount', { count: survey.waves.length })}</p>
      <ul className="wave-list">
        {survey.waves.map((w) => (
          <li key={w.id}>
            <Link to={evaluationPaths.wave(w.id)} data-testid="wave-link">
              {t('evaluation.wave', { label: w.label })}
            </Link>{' '}
            <span className={`badge ${w.status === 'open' ? 'badge-open' : ''}`}>
              {t(`surveys.status.${w.status}`)}
            </span>
            {w.anonymous && <span className="badge">{t('surveys.anonymous')}</span>}{' '}
            <span className="muted">{t('evaluation.respondentsOf', { count: w.respondents, invited: w.invited })}</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

function SurveysSection() {
  const { t } = useTranslation();
  const q = useSurveys();
  if (q.isPending) return <Loading />;
  if (q.error) return <NotAllowedOr error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <section aria-labelledby="surveys-title" className="evaluation-section">
      <h2 id="surveys-title">{t('evaluation.satisfaction')}</h2>
      {q.data.length === 0 ? (
        <p className="state state-empty">{t('evaluation.noSurveys')}</p>
      ) : (
        <ul className="survey-cards">
          {q.data.map((s) => (
            <SurveyCard key={s.id} survey={s} />
          ))}
        </ul>
      )}
    </section>
  );
}

export default function EvaluationPage() {
  const { t } = useTranslation();
  return (
    <div className="page evaluation">
      <h1>{t('evaluation.title')}</h1>
      <p className="muted">
        {t('evaluation.intro')} <Link to={evaluationPaths.surveys}>{t('surveys.title')}</Link> ·{' '}
        <Link to={evaluationPaths.events}>{t('events.title')}</Link>
      </p>
      <KeyFigures />
      <ParticipationSection />
      <SurveysSection />
    </div>
  );
}
