/**
 * Taking a survey, phone first: ratings as five big buttons, choices as large toggles, free
 * text. One response per person and wave, editable while the wave is open. Anonymous waves
 * return an edit token once; it is kept in localStorage and sent back to read or change the
 * response (the server keeps only its hash).
 */
import type { ItemView, MyResponse, WaveView } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, put } from '../../api/http';
import { errorMessage, ErrorState, Loading, QueryView } from '../../components/states';
import { day } from '../../lib/dates';
import { useSession } from '../auth/session';
import { evalKeys, useMyResponse, useOpenWaves, useWave } from './api';
import { answersToSend, editTokenKey, FormAnswer, formFromAnswers, toggleChoice } from './figures';
import { evaluationApi, evaluationPaths } from './urls';

function RatingInput({ item, value, onChange }: { item: ItemView; value?: number; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  return (
    <div className="rating" role="radiogroup" aria-labelledby={`q-${item.id}`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          aria-label={t('surveys.ratingOf', { n })}
          className={`rating-button${value === n ? ' selected' : ''}`}
          onClick={() => onChange(n)}
        >
          {n}
        </button>
      ))}
      <span className="rating-scale muted" aria-hidden="true">
        <span>{t('surveys.low')}</span>
        <span>{t('surveys.high')}</span>
      </span>
    </div>
  );
}

function ChoiceInput({ item, value, onChange }: { item: ItemView; value?: string[]; onChange: (v: string[]) => void }) {
  const multiple = item.kind === 'multiple_choice';
  return (
    <fieldset className="choices" aria-labelledby={`q-${item.id}`}>
      {item.options.map((o, i) => {
        const id = `c-${item.id}-${i}`;
        return (
          <label key={o} htmlFor={id} className={`choice${value?.includes(o) ? ' selected' : ''}`}>
            <input
              id={id}
              type={multiple ? 'checkbox' : 'radio'}
              name={`choice-${item.id}`}
              checked={value?.includes(o) ?? false}
              onChange={() => onChange(toggleChoice(value, o, multiple))}
            />
            <span>{o}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

function SurveyForm({ wave, mine }: { wave: WaveView; mine: MyResponse }) {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Record<string, FormAnswer>>(() => formFromAnswers(mine.answers));
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(formFromAnswers(mine.answers)), [mine.answers]);
  const tokenKey = editTokenKey(me.user.id, wave.id);
  const open = wave.status === 'open';
  const submit = useMutation({
    mutationFn: () =>
      put<MyResponse>(evaluationApi.response(wave.id), {
        answers: answersToSend(wave.items, form),
        editToken: (wave.anonymous && localStorage.getItem(tokenKey)) || undefined,
      }),
    onSuccess: (res) => {
      if (res.editToken) localStorage.setItem(tokenKey, res.editToken);
      setSaved(true);
      queryClient.setQueryData(evalKeys.response(wave.id), { ...res, answers: res.answers ?? mine.answers });
      void queryClient.invalidateQueries({ queryKey: evalKeys.openWaves });
    },
  });
  const set = (itemId: string, a: FormAnswer) => {
    setSaved(false);
    setForm((f) => ({ ...f, [itemId]: { ...f[itemId], ...a } }));
  };
  const fieldError = (i: number) => {
    const err = submit.error;
    if (!(err instanceof ApiError)) return null;
    const d = (err.details as Array<{ field?: string; reason?: string }>).find((x) =>
      x.field?.startsWith(`answers.${i}`),
    );
    return d?.reason ?? null;
  };
  // Anonymous and answered, but this browser has no token: the server cannot show it or let it change.
  const lockedAnonymous = wave.anonymous && mine.responded && mine.answers === null;
  const nothing = answersToSend(wave.items, form).length === 0;

  return (
    <form
      className="survey-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        submit.mutate();
      }}
    >
      {wave.anonymous ? (
        <p className="notice">{t('surveys.anonymousNote')}</p>
      ) : (
        <p className="muted">{t('surveys.attributedNote')}</p>
      )}
      {mine.responded && (
        <p className="notice" data-testid="already-answered">
          {open ? t('surveys.editUntilClose') : t('surveys.closedAnswered')}
        </p>
      )}
      {lockedAnonymous && <p className="state state-empty">{t('surveys.noToken')}</p>}
      {wave.items.map((item, index) => (
        <div className="question card" key={item.id}>
          <p className="question-prompt" id={`q-${item.id}`}>
            {item.label && <span className="question-label">{item.label}</span>}
            {item.prompt}
          </p>
          {item.kind === 'rating' && (
            <RatingInput item={item} value={form[item.id]?.rating} onChange={(rating) => set(item.id, { rating })} />
          )}
          {(item.kind === 'single_choice' || item.kind === 'multiple_choice') && (
            <ChoiceInput item={item} value={form[item.id]?.choices} onChange={(choices) => set(item.id, { choices })} />
          )}
          {item.kind === 'free_text' && (
            <textarea
              id={`t-${item.id}`}
              aria-labelledby={`q-${item.id}`}
              rows={4}
              maxLength={4000}
              value={form[item.id]?.text ?? ''}
              onChange={(e) => set(item.id, { text: e.target.value })}
            />
          )}
          {fieldError(index) && <p className="form-error">{fieldError(index)}</p>}
        </div>
      ))}
      {submit.error && (
        <p className="form-error" role="alert">
          {errorMessage(submit.error, t)}
        </p>
      )}
      {saved && (
        <p className="notice" role="status" data-testid="survey-saved">
          {t('surveys.thanks')}
        </p>
      )}
      {open && (
        <button
          type="submit"
          className="btn btn-primary btn-block btn-large"
          disabled={submit.isPending || nothing || lockedAnonymous}
        >
          {submit.isPending ? t('app.saving') : mine.responded ? t('surveys.update') : t('surveys.submit')}
        </button>
      )}
      {!open && <p className="muted">{t('surveys.closed')}</p>}
    </form>
  );
}

export function SurveyPage() {
  const { t } = useTranslation();
  const { waveId = '' } = useParams();
  const me = useSession();
  const wave = useWave(waveId);
  const mine = useMyResponse(waveId, me.user.id);
  return (
    <div className="page narrow survey-page">
      <p>
        <Link to={evaluationPaths.surveys}>← {t('surveys.title')}</Link>
      </p>
      {wave.isPending ? (
        <Loading />
      ) : wave.error ? (
        <ErrorState error={wave.error} page onRetry={() => void wave.refetch()} />
      ) : (
        <>
          <h1>
            {wave.data.survey.title} <span className="muted">{wave.data.label}</span>
          </h1>
          {wave.data.survey.description && <p>{wave.data.survey.description}</p>}
          {!wave.data.me.invited ? (
            <p className="state state-empty">{t('surveys.notInvited')}</p>
          ) : mine.isPending ? (
            <Loading />
          ) : mine.error ? (
            <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
          ) : (
            <SurveyForm wave={wave.data} mine={mine.data} />
          )}
        </>
      )}
    </div>
  );
}

export function SurveyListPage() {
  const { t } = useTranslation();
  const q = useOpenWaves();
  return (
    <div className="page narrow">
      <h1>{t('surveys.title')}</h1>
      <p className="muted">{t('surveys.intro')}</p>
      <QueryView query={q} empty={t('surveys.none')}>
        {(waves: WaveView[]) => (
          <ul className="card-list">
            {waves.map((w) => (
              <li key={w.id} className="card">
                <Link to={evaluationPaths.survey(w.id)} className="card-title" data-testid="open-survey">
                  {w.survey.title} {w.label}
                </Link>
                <p className="muted">
                  {w.me.responded ? t('surveys.answered') : t('surveys.notAnswered')} ·{' '}
                  {t('surveys.openedOn', { date: day(w.openedAt) })}
                  {w.anonymous ? ` · ${t('surveys.anonymous')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </div>
  );
}
