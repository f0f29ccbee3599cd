import { useEffect, useState } from 'preact/hooks';
import { ApiError, getKnowledgeGain, type KnowledgeGain } from '../../api/client';
import { useTranslation } from '../../i18n';
import { localeOf } from '../../components/format';

// What every donor asks for: the pre-test against the post-test, with n and a significance test.
// Observers see the aggregate only; coordinators and instructors also see each participant.
export function KnowledgeGainPage({ programme }: { programme: number }) {
  const { t, language } = useTranslation();
  const [gain, setGain] = useState<KnowledgeGain | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    getKnowledgeGain(programme).then(setGain, (error) => setMessage(error instanceof ApiError && error.problem ? error.problem.title : t('error.generic')));
  }, [programme]);
  const locale = localeOf(language);
  const number = (value: number | null | undefined, digits = 1) => (value == null ? '—' : value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  const percent = (share: number) => `${number(share * 100)} %`;
  const p = (value: number) => (value < 0.001 ? `< ${number(0.001, 3)}` : `= ${number(value, 3)}`);

  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('gain.title')}</h1>
      {message && <p role="alert">{message}</p>}
      {gain && (
        <>
          <dl class="facts">
            <dt>{t('gain.n')}</dt><dd>{gain.n}</dd>
            <dt>{t('gain.mean_pre')}</dt><dd>{number(gain.mean_pre)}</dd>
            <dt>{t('gain.mean_post')}</dt><dd>{number(gain.mean_post)}</dd>
            <dt>{t('gain.mean_gain')}</dt><dd>{number(gain.mean_gain)}</dd>
            <dt>{t('gain.normalised')}</dt><dd>{number(gain.mean_normalised_gain, 2)}</dd>
            <dt>{t('gain.improved')}</dt><dd>{percent(gain.share_improved)}</dd>
            <dt>{t('gain.at_pass_mark', { mark: gain.pass_mark })}</dt><dd>{percent(gain.share_post_at_pass_mark)}</dd>
            <dt>{t('gain.test')}</dt>
            <dd>{t('gain.test_result', { n: gain.wilcoxon_signed_rank.n, z: number(gain.wilcoxon_signed_rank.z, 2), p: p(gain.wilcoxon_signed_rank.p_value) })}</dd>
          </dl>
          {gain.participants.length > 0 && (
            <div class="table-scroll" tabIndex={0}>
              <table>
                <caption>{t('gain.by_participant')}</caption>
                <thead><tr><th scope="col">{t('participants.name')}</th><th scope="col">{t('gain.pre')}</th><th scope="col">{t('gain.post')}</th><th scope="col">{t('gain.gain')}</th></tr></thead>
                <tbody>
                  {gain.participants.map((row) => (
                    <tr key={row.enrollment_id}>
                      <th scope="row">{row.family_names}, {row.given_names}</th>
                      <td>{number(row.pre)}</td><td>{number(row.post)}</td><td>{number(row.gain)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </article>
  );
}
