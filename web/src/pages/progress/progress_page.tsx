import { useEffect, useState } from 'preact/hooks';
import { ApiError, getMyProgress, getProgramme, getTeamProgress, hasRole, type Gradebook, type Programme, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useFailureToast } from '../../components/toast';
import { localeOf } from '../../components/format';

// A participant's own progress, and a group leader's team: computed by the server from the grades
// and attendance on file, so it is current the moment a grade is entered.
export function ProgressPage({ programme, user }: { programme: number; user: User }) {
  const { t, language } = useTranslation();
  const failed = useFailureToast();
  const [info, setInfo] = useState<Programme | null>(null);
  const [mine, setMine] = useState<Gradebook | null>(null);
  const [team, setTeam] = useState<Gradebook | null>(null);
  const [message, setMessage] = useState('');
  const number = (value: number | null | undefined) => (value == null ? '—' : value.toLocaleString(localeOf(language)));

  useEffect(() => {
    getProgramme(programme).then(setInfo, failed);
    getMyProgress(programme).then(setMine, (error) => setMessage(error instanceof ApiError && error.problem ? error.problem.title : t('error.generic')));
    if (hasRole(user, 'group_leader', programme)) getTeamProgress(programme).then(setTeam, failed);
  }, [programme]);

  const row = mine?.rows[0];
  return (
    <article>
      <p><a href={`/programmes/${programme}`}>{t('participants.back')}</a></p>
      <h1>{t('progress.title')}</h1>
      {message && <p role="alert">{message}</p>}
      {row && info && (
        <>
          <p role="status" class={row.meets_requirements ? '' : 'error'}>
            {row.meets_requirements ? t('progress.on_track') : t('progress.not_yet', { threshold: mine!.policy.attendance_threshold, pass: mine!.policy.module_pass_mark })}
          </p>
          <div class="table-scroll" tabIndex={0}>
            <table>
              <thead><tr><th scope="col">{t('grades.module')}</th><th scope="col">{t('grades.module_grade')}</th><th scope="col">{t('progress.attendance')}</th></tr></thead>
              <tbody>
                {info.modules.map((module, index) => (
                  <tr key={module.id}>
                    <th scope="row">{module.position}. {module.title[language]}</th>
                    <td>{number(row.module_grades[index])} {row.module_grades[index] != null && (row.module_grades[index]! >= mine!.policy.module_pass_mark ? `(${t('progress.passed')})` : `(${t('progress.not_passed')})`)}</td>
                    <td>{row.module_attendance[index] == null ? '—' : `${number(row.module_attendance[index])} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl class="facts">
            <dt>{t('progress.final_grade')}</dt><dd>{number(row.final_grade)}</dd>
            <dt>{t('progress.attendance')}</dt><dd>{row.attendance == null ? '—' : `${number(row.attendance)} %`}</dd>
            <dt>{t('progress.modules_passed')}</dt><dd>{row.modules_passed} / {info.modules.length}</dd>
          </dl>
        </>
      )}
      {team && (
        <section aria-labelledby="team-heading">
          <h2 id="team-heading">{t('progress.team', { team: team.rows[0]?.team ?? '' })}</h2>
          <div class="table-scroll" tabIndex={0}>
            <table>
              <thead><tr><th scope="col">{t('participants.name')}</th><th scope="col">{t('progress.final_grade')}</th><th scope="col">{t('progress.attendance')}</th><th scope="col">{t('progress.modules_passed')}</th></tr></thead>
              <tbody>
                {team.rows.map((member) => (
                  <tr key={member.enrollment_id} class={member.meets_requirements ? '' : 'behind'}>
                    <th scope="row">{member.family_names}, {member.given_names}</th>
                    <td>{number(member.final_grade)}</td>
                    <td>{member.attendance == null ? '—' : `${number(member.attendance)} %`}</td>
                    <td>{member.modules_passed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </article>
  );
}
