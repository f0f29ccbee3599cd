import { useEffect, useState } from 'preact/hooks';
import { me, signOut, type User } from './api/client';
import { useTranslation } from './i18n';
import { LanguageSwitch } from './components/language_switch';
import { SignInPage } from './pages/sign_in/sign_in_page';
import { ProgrammesPage } from './pages/programmes/programmes_page';
import { ProgrammePage } from './pages/programme/programme_page';
import { ParticipantsPage } from './pages/participants/participants_page';
import { PersonPage } from './pages/participants/person_page';
import { EnrolPage } from './pages/participants/enrol_page';
import { ImportPage } from './pages/participant_imports/import_page';
import { InstitutionsPage } from './pages/institutions/institutions_page';
import { GradesPage } from './pages/grades/grades_page';
import { AttendancePage } from './pages/attendance/attendance_page';
import { ProgressPage } from './pages/progress/progress_page';
import { SessionsPage } from './pages/sessions/sessions_page';
import { KnowledgeGainPage } from './pages/knowledge_gain/knowledge_gain_page';
import { AssessmentsPage } from './pages/assessments/assessments_page';
import { ProjectPage } from './pages/projects/project_page';
import { ReviewsPage } from './pages/reviews/reviews_page';
import { ReviewPage } from './pages/reviews/review_page';
import { RankingPage } from './pages/ranking/ranking_page';
import { ExplanationPage } from './pages/ranking/explanation_page';
import { JuryPage } from './pages/jury/jury_page';
import { TeamsPage } from './pages/teams/teams_page';
import { RubricPage } from './pages/rubric/rubric_page';
import { GradeImportPage } from './pages/grade_imports/grade_import_page';
import { InstructorsPage } from './pages/instructors/instructors_page';

// Routes live in the URL hash (#/programmes/1), so the server only ever serves index.html.
function useRoute(): string {
  const [route, setRoute] = useState(location.hash.slice(1) || '/');
  useEffect(() => {
    const onChange = () => setRoute(location.hash.slice(1) || '/');
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function App() {
  const { t } = useTranslation();
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const route = useRoute();
  useEffect(() => {
    me().then(setUser, () => setUser(null));
  }, []);

  const programmeMatch = /^\/programmes\/(\d+)$/.exec(route);
  const participantsMatch = /^\/programmes\/(\d+)\/participants$/.exec(route);
  const enrolMatch = /^\/programmes\/(\d+)\/participants\/new$/.exec(route);
  const personMatch = /^\/programmes\/(\d+)\/participants\/(\d+)$/.exec(route);
  const importMatch = /^\/programmes\/(\d+)\/import$/.exec(route);
  const gradesMatch = /^\/programmes\/(\d+)\/grades$/.exec(route);
  const attendanceMatch = /^\/programmes\/(\d+)\/attendance$/.exec(route);
  const progressMatch = /^\/programmes\/(\d+)\/progress$/.exec(route);
  const sessionsMatch = /^\/programmes\/(\d+)\/sessions$/.exec(route);
  const gainMatch = /^\/programmes\/(\d+)\/knowledge_gain$/.exec(route);
  const assessmentsMatch = /^\/programmes\/(\d+)\/assessments$/.exec(route);
  const projectMatch = /^\/programmes\/(\d+)\/project$/.exec(route);
  const reviewsMatch = /^\/programmes\/(\d+)\/reviews$/.exec(route);
  const reviewMatch = /^\/programmes\/(\d+)\/reviews\/(\d+)$/.exec(route);
  const rankingMatch = /^\/programmes\/(\d+)\/ranking$/.exec(route);
  const explanationMatch = /^\/programmes\/(\d+)\/ranking\/(\d+)$/.exec(route);
  const juryMatch = /^\/programmes\/(\d+)\/jury$/.exec(route);
  const teamsMatch = /^\/programmes\/(\d+)\/teams$/.exec(route);
  const rubricMatch = /^\/programmes\/(\d+)\/rubric$/.exec(route);
  const gradeImportMatch = /^\/programmes\/(\d+)\/grade_import$/.exec(route);
  const instructorsMatch = /^\/programmes\/(\d+)\/instructors$/.exec(route);
  let page;
  if (user === undefined) page = <p role="status">{t('app.loading')}</p>;
  else if (user === null) page = <SignInPage onSignedIn={setUser} />;
  else if (programmeMatch) page = <ProgrammePage id={Number(programmeMatch[1])} user={user} />;
  else if (participantsMatch) page = <ParticipantsPage id={Number(participantsMatch[1])} user={user} />;
  else if (enrolMatch) page = <EnrolPage programme={Number(enrolMatch[1])} />;
  else if (personMatch) page = <PersonPage programme={Number(personMatch[1])} enrollment={Number(personMatch[2])} user={user} />;
  else if (importMatch) page = <ImportPage programme={Number(importMatch[1])} />;
  else if (route === '/institutions') page = <InstitutionsPage user={user} />;
  else if (gradesMatch) page = <GradesPage programme={Number(gradesMatch[1])} />;
  else if (attendanceMatch) page = <AttendancePage programme={Number(attendanceMatch[1])} />;
  else if (progressMatch) page = <ProgressPage programme={Number(progressMatch[1])} user={user} />;
  else if (sessionsMatch) page = <SessionsPage programme={Number(sessionsMatch[1])} user={user} />;
  else if (gainMatch) page = <KnowledgeGainPage programme={Number(gainMatch[1])} />;
  else if (assessmentsMatch) page = <AssessmentsPage programme={Number(assessmentsMatch[1])} />;
  else if (projectMatch) page = <ProjectPage programme={Number(projectMatch[1])} />;
  else if (reviewsMatch) page = <ReviewsPage programme={Number(reviewsMatch[1])} />;
  else if (reviewMatch) page = <ReviewPage programme={Number(reviewMatch[1])} project={Number(reviewMatch[2])} />;
  else if (rankingMatch) page = <RankingPage programme={Number(rankingMatch[1])} user={user} />;
  else if (explanationMatch) page = <ExplanationPage programme={Number(explanationMatch[1])} project={Number(explanationMatch[2])} />;
  else if (juryMatch) page = <JuryPage programme={Number(juryMatch[1])} />;
  else if (teamsMatch) page = <TeamsPage programme={Number(teamsMatch[1])} />;
  else if (rubricMatch) page = <RubricPage programme={Number(rubricMatch[1])} user={user} />;
  else if (gradeImportMatch) page = <GradeImportPage programme={Number(gradeImportMatch[1])} />;
  else if (instructorsMatch) page = <InstructorsPage programme={Number(instructorsMatch[1])} />;
  else page = <ProgrammesPage />;

  return (
    <>
      <a class="skip" href="#main">{t('app.skip')}</a>
      <header class="top">
        <a class="brand" href="#/">{t('app.name')}</a>
        <div class="top-actions">
          {user && <a href="#/institutions">{t('app.institutions')}</a>}
          <LanguageSwitch />
          {user && (
            <button type="button" class="link" onClick={async () => { await signOut(); setUser(null); location.hash = '#/'; }}>
              {t('app.sign_out')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
    </>
  );
}
