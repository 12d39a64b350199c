import { useTranslation } from 'react-i18next';
import { useMembers, useOrganisations } from '../../api/queries';
import { ActionItemDraft, DocumentDraft } from './document-api';

/** The fields only meeting summaries and CI notes have. */
function MultiSelect({
  id,
  label,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  options: { id: string; name: string }[];
  value: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        multiple
        value={value}
        size={Math.min(6, Math.max(3, options.length))}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Attendees (people and organisations), decisions, and action items with owner and due date. */
export function MeetingFields({
  d,
  set,
  groupId,
}: {
  d: DocumentDraft;
  set: (p: Partial<DocumentDraft>) => void;
  groupId: string;
}) {
  const { t } = useTranslation();
  const members = useMembers(groupId);
  const orgs = useOrganisations();
  const people = (members.data ?? []).map((m) => ({
    id: m.userId,
    name: `${m.displayName}${m.organisation ? ` (${m.organisation.shortName})` : ''}`,
  }));
  const organisations = (orgs.data ?? []).map((o) => ({ id: o.id, name: o.shortName }));
  const setItem = (i: number, p: Partial<ActionItemDraft>) =>
    set({ actionItems: d.actionItems.map((a, j) => (j === i ? { ...a, ...p } : a)) });
  return (
    <fieldset className="fieldset">
      <legend>{t('knowledge.kinds.meeting_summary')}</legend>
      <div className="field">
        <label htmlFor="meeting-date">{t('knowledge.meetingDate')}</label>
        <input
          id="meeting-date"
          type="date"
          value={d.meetingDate}
          onChange={(e) => set({ meetingDate: e.target.value })}
        />
      </div>
      <div className="grid-2">
        <MultiSelect
          id="att-people"
          label={`${t('knowledge.attendees')}: ${t('knowledge.attendeePeople')}`}
          options={people}
          value={d.attendeeUserIds}
          onChange={(v) => set({ attendeeUserIds: v })}
        />
        <MultiSelect
          id="att-orgs"
          label={`${t('knowledge.attendees')}: ${t('knowledge.attendeeOrgs')}`}
          options={organisations}
          value={d.attendeeOrganisationIds}
          onChange={(v) => set({ attendeeOrganisationIds: v })}
        />
      </div>
      <h3>{t('knowledge.decisions')}</h3>
      <ol className="stack-sm">
        {d.decisions.map((x, i) => (
          <li key={i} className="row">
            <label htmlFor={`decision-${i}`} className="visually-hidden">
              {t('knowledge.decision')} {i + 1}
            </label>
            <input
              id={`decision-${i}`}
              value={x}
              onChange={(e) => set({ decisions: d.decisions.map((y, j) => (j === i ? e.target.value : y)) })}
            />
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => set({ decisions: d.decisions.filter((_, j) => j !== i) })}
            >
              {t('app.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-small"
        data-testid="add-decision"
        onClick={() => set({ decisions: [...d.decisions, ''] })}
      >
        + {t('knowledge.addDecision')}
      </button>
      <h3>{t('knowledge.actionItems')}</h3>
      {d.actionItems.map((a, i) => (
        <fieldset key={i} className="action-item-row">
          <legend className="visually-hidden">
            {t('knowledge.actionItems')} {i + 1}
          </legend>
          <div className="field grow">
            <label htmlFor={`ai-desc-${i}`}>{t('knowledge.actionDescription')}</label>
            <input
              id={`ai-desc-${i}`}
              value={a.description}
              onChange={(e) => setItem(i, { description: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`ai-owner-${i}`}>{t('knowledge.owner')}</label>
            <select
              id={`ai-owner-${i}`}
              required
              aria-required="true"
              value={a.ownerUserId ? `u:${a.ownerUserId}` : a.ownerOrganisationId ? `o:${a.ownerOrganisationId}` : ''}
              onChange={(e) => {
                const [kind, id] = e.target.value.split(':');
                setItem(i, { ownerUserId: kind === 'u' ? id : null, ownerOrganisationId: kind === 'o' ? id : null });
              }}
            >
              <option value="">—</option>
              <optgroup label={t('knowledge.ownerPerson')}>
                {people.map((p) => (
                  <option key={p.id} value={`u:${p.id}`}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('knowledge.ownerOrg')}>
                {organisations.map((o) => (
                  <option key={o.id} value={`o:${o.id}`}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`ai-due-${i}`}>{t('knowledge.due')}</label>
            <input
              id={`ai-due-${i}`}
              type="date"
              value={a.dueDate ?? ''}
              onChange={(e) => setItem(i, { dueDate: e.target.value || null })}
            />
          </div>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => set({ actionItems: d.actionItems.filter((_, j) => j !== i) })}
          >
            {t('app.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-small"
        data-testid="add-action"
        onClick={() =>
          set({
            actionItems: [
              ...d.actionItems,
              { description: '', ownerUserId: null, ownerOrganisationId: null, dueDate: null, status: 'open' },
            ],
          })
        }
      >
        + {t('knowledge.addAction')}
      </button>
    </fieldset>
  );
}

export function CiFields({ d, set }: { d: DocumentDraft; set: (p: Partial<DocumentDraft>) => void }) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  return (
    <fieldset className="fieldset">
      <legend>{t('knowledge.kinds.ci_note')}</legend>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="ci-url">{t('knowledge.sourceUrl')}</label>
          <input
            id="ci-url"
            type="url"
            inputMode="url"
            value={d.sourceUrl}
            onChange={(e) => set({ sourceUrl: e.target.value })}
            placeholder="https://"
          />
        </div>
        <div className="field">
          <label htmlFor="ci-publisher">{t('knowledge.publisher')}</label>
          <input id="ci-publisher" value={d.publisher} onChange={(e) => set({ publisher: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="ci-date">{t('knowledge.sourceDate')}</label>
          <input
            id="ci-date"
            type="date"
            value={d.sourcePublishedAt}
            onChange={(e) => set({ sourcePublishedAt: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="ci-relevance">{t('knowledge.relevance')}</label>
          <input
            id="ci-relevance"
            type="number"
            min={1}
            max={5}
            value={d.relevance}
            onChange={(e) => set({ relevance: e.target.value })}
          />
        </div>
      </div>
      <MultiSelect
        id="ci-orgs"
        label={t('knowledge.organisationsConcerned')}
        options={(orgs.data ?? []).map((o) => ({ id: o.id, name: o.shortName }))}
        value={d.organisationsConcerned}
        onChange={(v) => set({ organisationsConcerned: v })}
      />
    </fieldset>
  );
}
