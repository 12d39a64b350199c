import type { LoginResult, MeView } from '@contract';
import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/http';
import { keys } from '../../api/keys';
import { LanguageSelect } from '../../components/LanguageSelect';
import { setLocale } from '../../i18n';
import { homePaths } from '../home/urls';
import { authApi } from './urls';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expired = params.get('expired') === '1';

  /** Never rejects: every failure ends on the form's error line. */
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!email.trim() || !password) return setError(t('login.missing'));
    setBusy(true);
    setError(null);
    try {
      const res = await api<LoginResult>(authApi.login, {
        method: 'POST',
        body: { email: email.trim(), password },
        anonymous: true,
      });
      setLocale(res.user.locale);
      await queryClient.fetchQuery({ queryKey: keys.me, queryFn: () => api<MeView>(authApi.me) });
      const next = params.get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homePaths.home, { replace: true });
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(
        status === 401 || status === 400
          ? t('login.invalid')
          : status === 429
            ? t('login.throttled')
            : status === 0
              ? t('login.network')
              : t('app.error'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login" id="main">
      <form className="login-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="login-title">
        <div className="brand brand-large" aria-hidden="true">
          <span className="brand-mark" /> {t('app.name')}
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        <p className="muted">{t('login.intro')}</p>
        {expired && (
          <p className="notice" role="status">
            {t('app.sessionExpired')}
          </p>
        )}
        {error && (
          <p className="form-error" role="alert" id="login-error">
            {error}
          </p>
        )}
        <label htmlFor="login-email">{t('login.email')}</label>
        <input
          id="login-email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'login-error' : undefined}
          autoFocus
          required
        />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? 'login-error' : undefined}
          required
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <LanguageSelect />
      </form>
    </main>
  );
}
