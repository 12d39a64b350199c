/**
 * Results of one survey wave (managers): share 4–5 per rating question, the distribution of
 * each question, the wave-over-wave trend, breakdowns and free text — each chart with its
 * numbers beside it and a CSV download of that table.
 */
import type { QuestionResult, WaveResults } from '@contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/states';
import { useWaveResults } from './api';
import { Chart, ChartOption } from './Chart';
import { decimal, percent, questionTitle, trendSeries } from './figures';
import { ChartWithTable, CsvLink, NotAllowedOr } from './parts';
import { csvUrl, evaluationPaths } from './urls';

const PRIMARY = '#155e63';
const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function share45Option(rows: Array<{ name: string; share45: number | null }>): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => percent(Number(v)) },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => short(r.name)) },
    series: [
      {
        type: 'bar',
        itemStyle: { color: PRIMARY },
        data: rows.map((r) => r.share45),
        label: { show: true, position: 'right', formatter: (p: { value: unknown }) => percent(Number(p.value)) },
      },
    ],
  };
}

function distributionOption(q: QuestionResult): ChartOption {
  const rows = q.distribution ?? [];
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((d) => short(String(d.value), 18)), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        itemStyle: { color: PRIMARY },
        data: rows.map((d) => d.count),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

function trendOption(r: WaveResults): ChartOption {
  const t = trendSeries(r.trend);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => percent(v === null ? null : Number(v)) },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 24, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: t.labels },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: t.series.map((s) => ({
      name: short(s.name),
      type: 'line',
      connectNulls: false,
      symbolSize: 8,
      data: s.values,
    })),
  };
}

function Distribution({ q, waveId }: { q: QuestionResult; waveId: string }) {
  const { t } = useTranslation();
  const option = useMemo(() => distributionOption(q), [q]);
  const id = `dist-${q.itemId}`;
  if (q.kind === 'free_text') return null;
  return (
    <ChartWithTable
      id={id}
      title={questionTitle(q)}
      csv={<CsvLink href={csvUrl.wave(waveId, 'distribution')} label={t('evaluation.distribution')} />}
      chart={
        q.suppressed || !q.distribution ? (
          <p className="state state-empty">{t('evaluation.suppressed', { count: q.responses })}</p>
        ) : (
          <Chart option={option} label={t('evaluation.distributionOf', { question: q.prompt })} height={220} />
        )
      }
      table={
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('evaluation.answer')}</th>
              <th scope="col" className="num">
                {t('evaluation.count')}
              </th>
              <th scope="col" className="num">
                {t('evaluation.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(q.distribution ?? []).map((d) => (
              <tr key={String(d.value)}>
                <th scope="row">{d.value}</th>
                <td className="num">{d.count}</td>
                <td className="num">{percent(d.share)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('evaluation.responses')}</th>
              <td className="num">{q.responses}</td>
              <td className="num">{q.kind === 'rating' ? `${t('evaluation.mean')} ${decimal(q.mean)}` : ''}</td>
            </tr>
          </tbody>
        </table>
      }
    />
  );
}

function Results({ r }: { r: WaveResults }) {
  const { t } = useTranslation();
  const waveId = r.wave.id;
  const ratings = r.questions.filter((q) => q.kind === 'rating');
  const shareRows = useMemo(
    () => [
      ...r.questions.filter((q) => q.kind === 'rating').map((q) => ({ name: questionTitle(q), share45: q.share45 })),
      ...r.combined.map((c) => ({ name: `${t('evaluation.combined')}: ${c.prompt}`, share45: c.share45 })),
    ],
    [r, t],
  );
  const shareOption = useMemo(() => share45Option(shareRows), [shareRows]);
  const trend = useMemo(() => trendOption(r), [r]);
  return (
    <>
      <p className="wave-summary" data-testid="wave-summary">
        {t('evaluation.respondentsOf', { count: r.respondents, invited: r.invited })} · {t('evaluation.responseRate')}{' '}
        {percent(r.responseRate)} · {t(`evaluation.basis.${r.basis}`, { defaultValue: r.basis })}
      </p>

      {shareRows.length > 0 && (
        <ChartWithTable
          id="share45-title"
          title={t('evaluation.share45')}
          csv={<CsvLink href={csvUrl.wave(waveId, 'questions')} label={t('evaluation.share45')} />}
          chart={
            <Chart
              option={shareOption}
              label={t('evaluation.share45')}
              height={Math.max(200, 44 * shareRows.length + 40)}
            />
          }
          table={
            <table className="table" data-testid="questions-table">
              <thead>
                <tr>
                  <th scope="col">{t('evaluation.question')}</th>
                  <th scope="col" className="num">
                    {t('evaluation.responses')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.mean')}
                  </th>
                  <th scope="col" className="num">
                    {t('evaluation.share45Short')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ratings.map((q) => (
                  <tr key={q.itemId}>
                    <th scope="row">{questionTitle(q)}</th>
                    <td className="num">{q.responses}</td>
                    <td className="num">{decimal(q.mean)}</td>
                    <td className="num">{percent(q.share45)}</td>
                  </tr>
                ))}
                {r.combined.map((c) => (
                  <tr key={c.questionId}>
                    <th scope="row">
                      {t('evaluation.combined')}: {c.prompt}
                    </th>
                    <td className="num">{c.responses}</td>
                    <td className="num">{decimal(c.mean)}</td>
                    <td className="num">{percent(c.share45)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}

      <ChartWithTable
        id="trend-title"
        title={t('evaluation.trend')}
        csv={<CsvLink href={csvUrl.wave(waveId, 'trend')} label={t('evaluation.trend')} />}
        chart={<Chart option={trend} label={t('evaluation.trend')} height={280} />}
        table={
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('evaluation.waveLabel')}</th>
                <th scope="col" className="num">
                  {t('evaluation.respondents')}
                </th>
                <th scope="col" className="num">
                  {t('evaluation.responseRate')}
                </th>
                {r.comparison.previous && <th scope="col">{t('evaluation.delta')}</th>}
              </tr>
            </thead>
            <tbody>
              {r.trend.map((p) => (
                <tr key={p.waveId}>
                  <th scope="row">{p.label}</th>
                  <td className="num">{p.respondents}</td>
                  <td className="num">{percent(p.responseRate)}</td>
                  {r.comparison.previous && (
                    <td>
                      {p.waveId === waveId
                        ? r.comparison.rows
                            .filter((c) => c.deltaShare45 !== null)
                            .map(
                              (c) =>
                                `${short(c.label ?? c.prompt, 24)} ${c.deltaShare45! >= 0 ? '+' : ''}${percent(c.deltaShare45)}`,
                            )
                            .join('; ')
                        : ''}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />

      <h2>{t('evaluation.distribution')}</h2>
      {r.questions.map((q) => (
        <Distribution key={q.itemId} q={q} waveId={waveId} />
      ))}

      {r.breakdowns.length > 0 && (
        <section className="card" aria-labelledby="breakdowns-title">
          <div className="chart-block-head">
            <h2 id="breakdowns-title">{t('evaluation.breakdowns')}</h2>
            <CsvLink href={csvUrl.wave(waveId, 'breakdowns')} label={t('evaluation.breakdowns')} />
          </div>
          {r.breakdowns.map((b) => (
            <div className="table-wrap" key={`${b.itemId}:${b.dimension}`}>
              <table className="table">
                <caption>
                  {b.label ? `${b.label}: ${b.prompt}` : b.prompt} — {t(`evaluation.dimension.${b.dimension}`)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t(`evaluation.dimension.${b.dimension}`)}</th>
                    <th scope="col" className="num">
                      {t('evaluation.respondents')}
                    </th>
                    <th scope="col" className="num">
                      {t('evaluation.mean')}
                    </th>
                    <th scope="col" className="num">
                      {t('evaluation.share45Short')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {b.cells.map((c, i) => (
                    <tr key={`${c.value}:${i}`}>
                      <th scope="row">{c.value ?? '—'}</th>
                      {c.suppressed ? (
                        <td colSpan={3} className="muted">
                          {t('evaluation.hidden')}
                        </td>
                      ) : (
                        <>
                          <td className="num">{c.respondents}</td>
                          <td className="num">{decimal(c.mean)}</td>
                          <td className="num">{percent(c.share45)}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}

      {r.freeText.length > 0 && (
        <section className="card" aria-labelledby="free-title">
          <div className="chart-block-head">
            <h2 id="free-title">{t('evaluation.freeText')}</h2>
            <CsvLink href={csvUrl.wave(waveId, 'free_text')} label={t('evaluation.freeText')} />
          </div>
          {r.freeText.map((f) => (
            <div key={f.itemId}>
              <h3>{f.label ? `${f.label}: ${f.prompt}` : f.prompt}</h3>
              {f.suppressed ? (
                <p className="muted">{t('evaluation.hidden')}</p>
              ) : f.answers.length === 0 ? (
                <p className="state state-empty">{t('evaluation.noAnswers')}</p>
              ) : (
                <ul className="free-text">
                  {f.answers.map((a, i) => (
                    <li key={i}>
                      <blockquote>{a.text}</blockquote>
                      {a.respondent && (
                        <p className="muted">
                          — {a.respondent.displayName}
                          {a.respondent.organisation ? `, ${a.respondent.organisation}` : ''}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      )}
    </>
  );
}

export default function WaveResultsPage() {
  const { t } = useTranslation();
  const { waveId = '' } = useParams();
  const q = useWaveResults(waveId);
  return (
    <div className="page evaluation">
      <p>
        <Link to={evaluationPaths.evaluation}>← {t('evaluation.title')}</Link>
      </p>
      {q.data ? (
        <h1>
          {q.data.wave.survey.title} — {t('evaluation.wave', { label: q.data.wave.label })}
        </h1>
      ) : (
        <h1>{t('evaluation.results')}</h1>
      )}
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <NotAllowedOr error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Results r={q.data} />
      )}
    </div>
  );
}
