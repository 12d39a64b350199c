/**
 * The parts every admin entity is made of: a section with its list (a table) and a create form
 * built from labelled fields. Each entity (`Organisations`, `People`, `Groups`) says only what
 * is its own: columns, rows, fields and the request it sends.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ChangeEvent,
  FormEvent,
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, QueryView } from '../../components/states';

/** A change (PATCH) from a row; on success the list is fetched again, so rows show the server's values. */
export function useSave<T>(fn: (v: T) => Promise<unknown>, invalidate: readonly unknown[]) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: invalidate }) });
}

type Values = Record<string, string>;
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * A create form's values and its request. `send` gets the values as typed; after a success the
 * form is emptied (`reset`, by default back to `initial`) and shows "Created." until the next send.
 */
export function useCreateForm<T extends Values>(opts: {
  initial: T;
  send: (values: T) => Promise<unknown>;
  invalidate: readonly unknown[];
  reset?: (values: T) => T;
}) {
  const { initial, send, invalidate, reset = () => initial } = opts;
  const [values, setValues] = useState<T>(initial);
  const mutation = useSave(send, invalidate);
  return {
    values,
    mutation,
    /** Binds one field: spread onto its input, select or textarea. */
    bind: <K extends keyof T & string>(key: K) => ({
      value: values[key],
      onChange: (e: ChangeEvent<Control>) => setValues((v) => ({ ...v, [key]: e.target.value })),
    }),
    submit: () => mutation.mutate(values, { onSuccess: () => setValues(reset(values)) }),
  };
}

/** A label above its control, with an optional hint below it (the control points at it). */
export function Field({
  id,
  label,
  hint,
  optional = false,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  optional?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{optional ? `${label} (${t('app.optional')})` : label}</label>
      {children}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  optional?: boolean;
}

export function TextField({ id, label, hint, optional, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={id} label={label} hint={hint} optional={optional}>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
    </Field>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  optional,
  ...textarea
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={id} label={label} hint={hint} optional={optional}>
      <textarea id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...textarea} />
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** A select of `options`; also used bare (`OptionList`) for the selects inside table rows. */
export function SelectField({
  id,
  label,
  hint,
  optional,
  options,
  ...select
}: FieldProps & { options: Option[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field id={id} label={label} hint={hint} optional={optional}>
      <select id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...select}>
        <OptionList options={options} />
      </select>
    </Field>
  );
}

export function OptionList({ options }: { options: Option[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** The create form of an entity: its fields in two columns, the server's refusal, "Created.". */
export function CreateForm({
  title,
  submitLabel,
  form,
  children,
}: {
  title: string;
  submitLabel: string;
  form: { submit: () => void; mutation: { error: unknown; isSuccess: boolean; isPending: boolean } };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { mutation } = form;
  return (
    <form
      className="card form-card"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        form.submit();
      }}
    >
      <h3>{title}</h3>
      <div className="grid-2">{children}</div>
      {mutation.error ? <p className="form-error">{errorMessage(mutation.error, t)}</p> : null}
      {mutation.isSuccess && <p className="notice">{t('admin.created')}</p>}
      <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
        {submitLabel}
      </button>
    </form>
  );
}

export interface Column {
  label: string;
  /** Hidden on a phone, where the table has no room for it. */
  narrow?: boolean;
}

/** An entity's section: its title, the error of the last change made from a row, its list, its form. */
export function AdminSection<T>({
  id,
  title,
  query,
  columns,
  row,
  changeError,
  children,
}: {
  id: string;
  title: string;
  query: { isPending: boolean; error: unknown; data: T[] | undefined; refetch: () => unknown };
  columns: Column[];
  row: (item: T) => ReactNode;
  changeError?: unknown;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {changeError ? <p className="form-error">{errorMessage(changeError, t)}</p> : null}
      <QueryView query={query} empty={t('knowledge.empty')}>
        {(items: T[]) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c.label} scope="col" className={c.narrow ? 'hide-narrow' : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{items.map(row)}</tbody>
            </table>
          </div>
        )}
      </QueryView>
      {children}
    </section>
  );
}
