import type { ComponentType } from 'preact';
import { lazy, Route, Router, useRoute } from 'preact-iso';
import { useUser } from './session';
import type { User } from './api/client';
import { NotFoundPage } from './pages/not_found/not_found_page';
import { ProgrammesPage } from './pages/programmes/programmes_page';

// Every screen and its address. Pages load on first visit (each is its own chunk), so the
// first page carries only what it shows. A page gets its numbers from the path, checked here:
// /programmes/abc is "not found", not a request for programme NaN.
type PageProps = { programme: number; user: User; enrollment: number; project: number };

const whole = /^[1-9]\d*$/;
function page(load: () => Promise<ComponentType<any>>) {
  const Page = lazy(async () => {
    const Loaded = await load();
    return function Mounted() {
      const { params } = useRoute();
      const user = useUser();
      const numbers: Partial<PageProps> = {};
      for (const name of ['programme', 'enrollment', 'project'] as const) {
        if (params[name] === undefined) continue;
        if (!whole.test(params[name])) return <NotFoundPage />;
        numbers[name] = Number(params[name]);
      }
      return <Loaded {...numbers} user={user} />;
    };
  });
  return Page;
}

const ProgrammeArea = lazy(() => import('./pages/programme/programme_area').then((m) => m.ProgrammeArea));
const NewProgrammePage = page(() => import('./pages/programme_setup/new_programme_page').then((m) => m.NewProgrammePage));
const UsersPage = page(() => import('./pages/users/users_page').then((m) => m.UsersPage));
const AccountPage = page(() => import('./pages/account/account_page').then((m) => m.AccountPage));
const InstitutionsPage = page(() => import('./pages/institutions/institutions_page').then((m) => m.InstitutionsPage));

export function AppRoutes() {
  return (
    <Router>
      <Route path="/" component={ProgrammesPage} />
      <Route path="/institutions" component={InstitutionsPage} />
      <Route path="/users" component={UsersPage} />
      <Route path="/account" component={AccountPage} />
      <Route path="/programmes/new" component={NewProgrammePage} />
      <Route path="/programmes/:programme" component={ProgrammeArea} />
      <Route path="/programmes/:programme/*" component={ProgrammeArea} />
      <Route default component={NotFoundPage} />
    </Router>
  );
}

// The programme's own screens, below /programmes/{id}.
export const programmePages = {
  dashboard: page(() => import('./pages/programme/programme_page').then((m) => m.ProgrammePage)),
  participants: page(() => import('./pages/participants/participants_page').then((m) => m.ParticipantsPage)),
  enrol: page(() => import('./pages/participants/enrol_page').then((m) => m.EnrolPage)),
  person: page(() => import('./pages/participants/person_page').then((m) => m.PersonPage)),
  corrections: page(() => import('./pages/corrections/corrections_page').then((m) => m.CorrectionsPage)),
  invitations: page(() => import('./pages/invitations/invitations_page').then((m) => m.InvitationsPage)),
  participantImport: page(() => import('./pages/participant_imports/import_page').then((m) => m.ImportPage)),
  gradebook: page(() => import('./pages/gradebook/gradebook_page').then((m) => m.GradebookPage)),
  graduation: page(() => import('./pages/graduation/graduation_page').then((m) => m.GraduationPage)),
  certificates: page(() => import('./pages/certificates/certificates_page').then((m) => m.CertificatesPage)),
  grades: page(() => import('./pages/grades/grades_page').then((m) => m.GradesPage)),
  gradeImport: page(() => import('./pages/grade_imports/grade_import_page').then((m) => m.GradeImportPage)),
  attendance: page(() => import('./pages/attendance/attendance_page').then((m) => m.AttendancePage)),
  progress: page(() => import('./pages/progress/progress_page').then((m) => m.ProgressPage)),
  sessions: page(() => import('./pages/sessions/sessions_page').then((m) => m.SessionsPage)),
  knowledgeGain: page(() => import('./pages/knowledge_gain/knowledge_gain_page').then((m) => m.KnowledgeGainPage)),
  assessments: page(() => import('./pages/assessments/assessments_page').then((m) => m.AssessmentsPage)),
  instructors: page(() => import('./pages/instructors/instructors_page').then((m) => m.InstructorsPage)),
  project: page(() => import('./pages/projects/project_page').then((m) => m.ProjectPage)),
  reviews: page(() => import('./pages/reviews/reviews_page').then((m) => m.ReviewsPage)),
  review: page(() => import('./pages/reviews/review_page').then((m) => m.ReviewPage)),
  ranking: page(() => import('./pages/ranking/ranking_page').then((m) => m.RankingPage)),
  explanation: page(() => import('./pages/ranking/explanation_page').then((m) => m.ExplanationPage)),
  jury: page(() => import('./pages/jury/jury_page').then((m) => m.JuryPage)),
  teams: page(() => import('./pages/teams/teams_page').then((m) => m.TeamsPage)),
  rubric: page(() => import('./pages/rubric/rubric_page').then((m) => m.RubricPage)),
  ceremony: page(() => import('./pages/ceremony/ceremony_page').then((m) => m.CeremonyPage)),
  door: page(() => import('./pages/ceremony/door_page').then((m) => m.DoorPage)),
  survey: page(() => import('./pages/survey/survey_page').then((m) => m.SurveyPage)),
  audit: page(() => import('./pages/audit/audit_page').then((m) => m.AuditPage)),
  news: page(() => import('./pages/news/news_page').then((m) => m.NewsPage)),
  report: page(() => import('./pages/report/report_page').then((m) => m.ReportPage)),
  settings: page(() => import('./pages/programme_setup/settings_page').then((m) => m.SettingsPage)),
};

// Starts fetching the code of the page an address opens while the app is still asking who the
// user is, so that the two do not wait for each other.
const sectionPages: Record<string, { preload?: () => unknown }> = {
  '': programmePages.dashboard, participants: programmePages.participants, import: programmePages.participantImport, gradebook: programmePages.gradebook,
  graduation: programmePages.graduation, report: programmePages.report, ceremony: programmePages.ceremony, survey: programmePages.survey, news: programmePages.news, audit: programmePages.audit,
  certificates: programmePages.certificates,
  grades: programmePages.grades, grade_import: programmePages.gradeImport, attendance: programmePages.attendance, progress: programmePages.progress,
  sessions: programmePages.sessions, knowledge_gain: programmePages.knowledgeGain, assessments: programmePages.assessments,
  instructors: programmePages.instructors, project: programmePages.project, reviews: programmePages.reviews, ranking: programmePages.ranking,
  jury: programmePages.jury, teams: programmePages.teams, rubric: programmePages.rubric, settings: programmePages.settings,
};
export function preloadRoute(path: string) {
  const [, first, , section = ''] = path.split('/');
  if (first !== 'programmes') return;
  (ProgrammeArea as { preload?: () => unknown }).preload?.();
  sectionPages[section]?.preload?.();
}
