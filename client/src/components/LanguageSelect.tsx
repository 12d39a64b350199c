import type { Locale, MeView } from '@contract';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { patch } from '../api/http';
import { keys } from '../api/keys';
import { authApi } from '../features/auth/urls';
import { LOCALES, setLocale } from '../i18n';

/** Switches the UI language; when signed in, the choice is saved on the profile too. */
export function LanguageSelect({ signedIn = false, id = 'language-select' }: { signedIn?: boolean; id?: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  async function change(locale: Locale) {
    setLocale(locale);
    if (signedIn) {
      try {
        const me = await patch<MeView>(authApi.me, { locale });
        queryClient.setQueryData(keys.me, me);
      } catch {
        // the UI already switched; the profile keeps the old value
      }
    }
  }
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('nav.language')}</label>
      <select id={id} value={i18n.language} onChange={(e) => void change(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
