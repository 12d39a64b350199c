import type { ActionItemStatus as ActionStatus, ActionItemView, Json } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { patch } from '../../api/http';
import { keys } from '../../api/keys';
import { useActionItems } from '../../api/queries';
import { errorMessage, QueryView } from '../../components/states';
import { day } from '../../lib/dates';
import { useSession } from '../auth/session';
import { ownerName } from '../knowledge/action-items';
import { knowledgeApi, knowledgePaths } from '../knowledge/urls';
import { useCurrentGroup } from './GroupPage';

const STATUSES: ActionStatus[] = ['open', 'done', 'dropped'];

export function ActionItemsTab() {
  const { t } = useTranslation();
  const g = useCurrentGroup();
  const me = useSession();
  const [status, setStatus] = useState<string>('open');
  const [mine, setMine] = useState(false);
  const q = useActionItems(g.id, { status: status || undefined, owner: mine ? me.user.id : undefined });
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: ({ id, status }: { id: string; status: ActionStatus }) =>
      patch<ActionItemView>(knowledgeApi.actionItem(id), { status }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.actionItems(g.id) });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
  });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="tab-panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actions.title')}</h2>
      <div className="filters" role="group" aria-label={t('search.facets')}>
        <label htmlFor="action-status">{t('actions.filterStatus')}</label>
        <select id="action-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('app.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`knowledge.statuses.${s}`)}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> {t('actions.mine')}
        </label>
      </div>
      {update.error && <p className="form-error">{errorMessage(update.error, t)}</p>}
      <QueryView query={q} empty={t('actions.empty')}>
        {(items: Json<ActionItemView>[]) => (
          <ul className="plain-list action-list">
            {items.map((a) => (
              <li key={a.id} className="action-row">
                <span className={`chip status-${a.status}`}>{t(`knowledge.statuses.${a.status}`)}</span>
                <span className="action-desc">{a.description}</span>
                <span className="muted">
                  {ownerName(a)}
                  {a.dueDate && (
                    <>
                      {' '}
                      · {t('knowledge.due')} {day(a.dueDate)}{' '}
                      {a.status === 'open' && a.dueDate < today && (
                        <strong className="overdue">{t('actions.overdue')}</strong>
                      )}
                    </>
                  )}
                </span>
                <Link to={knowledgePaths.document(a.documentId)}>{t('actions.from')} →</Link>
                {g.can.contribute && (
                  <span className="row">
                    {a.status !== 'done' && (
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => update.mutate({ id: a.id, status: 'done' })}
                      >
                        {t('actions.markDone')}
                      </button>
                    )}
                    {a.status !== 'open' && (
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => update.mutate({ id: a.id, status: 'open' })}
                      >
                        {t('actions.reopen')}
                      </button>
                    )}
                    {a.status === 'open' && (
                      <button
                        type="button"
                        className="btn btn-small btn-ghost"
                        onClick={() => update.mutate({ id: a.id, status: 'dropped' })}
                      >
                        {t('actions.drop')}
                      </button>
                    )}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
