import { useEffect, useState } from 'preact/hooks';
import { ApiError, getMyProgress, getProgramme, getTeamProgress, hasRole, type Gradebook, type Programme, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useFailureToast } from '../../components/toast';
import { formatNumber } from '../../components/format';
import { DataTable } from '../../components/data_table';

// A participant's own progress, and a group leader's team: computed by the server from the grades
// and attendance on file, so it is current the moment a grade is entered.
export function ProgressPage({ programme, user }: { programme: number; user: User }) {
  const { t, language } = useTranslation();
  const failed = useFailureToast();
  const [info, setInfo] = useState<Programme | null>(null);
  const [mine, setMine] = useState<Gradebook | null>(null);
  const [team, setTeam] = useState<Gradebook | null>(null);
  const [message, setMessage] = useState('');
  const number = (value: number | null | undefined) => formatNumber(value, language, mine?.policy.rounding_decimals ?? 0);

  useEffect(() => {
    getProgramme(programme).then(setInfo, failed);
    getMyProgress(programme).then(setMine, (error) => setMessage(error instanceof ApiError && error.problem ? error.problem.title : t('error.generic')));
    if (hasRole(user, 'group_leader', programme)) getTeamProgress(programme).then(setTeam, failed);
  }, [programme]);

  const row = mine?.rows[0];
  const decimals = mine?.policy.rounding_decimals ?? 0;
  const passed = (grade: number | null | undefined) =>
    grade == null ? null : grade >= mine!.policy.module_pass_mark ? t('progress.passed') : t('progress.not_passed');
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
          <DataTable caption={t('progress.by_module')} rows={info.modules.map((module, index) => ({ module, index }))} rowKey={({ module }) => module.id} columns={[
            { key: 'module', header: t('grades.module'), rowHeader: true, value: ({ module }) => `${module.position}. ${module.title[language]}` },
            { key: 'grade', header: t('grades.module_grade'), numeric: true, decimals, value: ({ index }) => row.module_grades[index] },
            { key: 'result', header: t('progress.result'), value: ({ index }) => passed(row.module_grades[index]) },
            { key: 'attendance', header: t('progress.attendance_percent'), numeric: true, decimals, value: ({ index }) => row.module_attendance[index] },
          ]} />
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
          <DataTable caption={t('progress.team_caption')} rows={team.rows} rowKey={(member) => member.enrollment_id}
            rowClass={(member) => (member.meets_requirements ? undefined : 'behind')} columns={[
              { key: 'name', header: t('participants.name'), rowHeader: true, sortable: true, value: (member) => `${member.family_names}, ${member.given_names}` },
              { key: 'final_grade', header: t('progress.final_grade'), numeric: true, decimals: team.policy.rounding_decimals, sortable: true, value: (member) => member.final_grade },
              { key: 'attendance', header: t('progress.attendance_percent'), numeric: true, decimals: team.policy.rounding_decimals, sortable: true, value: (member) => member.attendance },
              { key: 'modules_passed', header: t('progress.modules_passed'), numeric: true, sortable: true, value: (member) => member.modules_passed },
            ]} />
        </section>
      )}
    </article>
  );
}
