// A small typed client over the REST contract (types generated from docs/api/openapi.yaml).
import type { components, paths } from './schema';
import i18next from 'i18next';

export type Programme = components['schemas']['Programme'];
export type ProgrammeSummary = components['schemas']['ProgrammeSummary'];
export type Participant = components['schemas']['Participant'];
export type Team = components['schemas']['Team'];
export type User = components['schemas']['User'];
export type Problem = components['schemas']['Problem'];
export type ParticipantRecord = components['schemas']['ParticipantRecord'];
export type ImportSummary = components['schemas']['ImportSummary'];
export type ImportMapping = components['schemas']['ImportMapping'];
export type Institution = components['schemas']['Institution'];
export type InstitutionInput = components['schemas']['InstitutionInput'];
export type SubdivisionReference = components['schemas']['SubdivisionReference'];
export type GradeGrid = components['schemas']['GradeGrid'];
export type Gradebook = components['schemas']['Gradebook'];
export type KnowledgeGain = components['schemas']['KnowledgeGain'];
export type Session = components['schemas']['Session'];
export type SessionAttendance = components['schemas']['SessionAttendance'];

export class ApiError extends Error {
  constructor(public status: number, public problem: Problem | null) {
    super(problem?.title ?? `HTTP ${status}`);
  }
}

let csrfToken = '';

// A file goes as the raw body (the import's upload); anything else as JSON.
async function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': i18next.language, ...extraHeaders };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken || 'sign-in';
  const raw = body instanceof Blob;
  if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
  if (raw) headers['Content-Type'] = 'application/octet-stream';
  const payload = body === undefined ? undefined : raw ? (body as Blob) : JSON.stringify(body);
  const response = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  if (!response.ok) {
    const problem = response.headers.get('content-type')?.includes('json') ? ((await response.json()) as Problem) : null;
    throw new ApiError(response.status, problem);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export async function me(): Promise<User | null> {
  try {
    const answer = await request<{ user: User; csrf_token: string }>('GET', '/me');
    csrfToken = answer.csrf_token;
    return answer.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(email: string, password: string): Promise<User> {
  const answer = await request<{ user: User; csrf_token: string }>('POST', '/session', { email, password });
  csrfToken = answer.csrf_token;
  return answer.user;
}

export async function signOut(): Promise<void> {
  await request<void>('DELETE', '/session');
  csrfToken = '';
}

type Paged<T> = { items: T[]; page: number; per_page: number; total: number };
export const listProgrammes = () => request<Paged<ProgrammeSummary>>('GET', '/programmes');
export const getProgramme = (id: number) => request<Programme>('GET', `/programmes/${id}`);
export type ParticipantQuery = {
  q?: string; institution?: string; province?: string; level?: string; sex?: string; team?: string; status?: string; sort?: string;
};
export function participantQueryString(query: ParticipantQuery): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) parameters.set(key, value);
  return parameters.toString();
}
export const listParticipants = (id: number, page = 1, perPage = 200, query: ParticipantQuery = {}) =>
  request<Paged<Participant>>('GET', `/programmes/${id}/participants?page=${page}&per_page=${perPage}&${participantQueryString(query)}`);
export const exportParticipantsUrl = (id: number, format: 'csv' | 'xlsx', query: ParticipantQuery) =>
  `/api/v1/programmes/${id}/participants/export?format=${format}&lang=${i18next.language}&${participantQueryString(query)}`;
export const getParticipant = async (programme: number, enrollment: number) => {
  const response = await fetch(`/api/v1/programmes/${programme}/participants/${enrollment}`, { headers: { 'Accept-Language': i18next.language } });
  if (!response.ok) throw new ApiError(response.status, response.headers.get('content-type')?.includes('json') ? await response.json() : null);
  return { record: (await response.json()) as ParticipantRecord, etag: response.headers.get('etag') ?? '' };
};
export const changeStatus = (programme: number, enrollment: number, status: string, reason: string, etag: string) =>
  request<ParticipantRecord>('PUT', `/programmes/${programme}/participants/${enrollment}/status`, { status, reason }, etag ? { 'If-Match': etag } : {});
export const enrolParticipant = (programme: number, fields: Record<string, string>) =>
  request<ParticipantRecord>('POST', `/programmes/${programme}/participants`, fields);
export const uploadImport = (programme: number, file: File) =>
  request<ImportSummary>('POST', `/programmes/${programme}/participant_imports?file_name=${encodeURIComponent(file.name)}`, file);
export const previewImport = (programme: number, upload: number, mapping: ImportMapping) =>
  request<ImportSummary>('POST', `/programmes/${programme}/participant_imports/${upload}/preview`, { mapping });
export const commitImport = (programme: number, upload: number, mapping: ImportMapping) =>
  request<ImportSummary>('POST', `/programmes/${programme}/participant_imports/${upload}/commit`, { mapping });
export const listInstitutions = () => request<Paged<Institution>>('GET', '/institutions');
export const createInstitution = (input: InstitutionInput) => request<Institution>('POST', '/institutions', input);
export const updateInstitution = (id: number, input: InstitutionInput, version: number) =>
  request<Institution>('PUT', `/institutions/${id}`, input, { 'If-Match': `"${version}"` });
export const mergeInstitution = (keep: number, mergeId: number) =>
  request<{ institution: Institution; people_moved: number }>('POST', `/institutions/${keep}/merge`, { merge_id: mergeId });
export const getGradeGrid = (programme: number, module: number) => request<GradeGrid>('GET', `/programmes/${programme}/modules/${module}/grades`);
export const recordGrade = (programme: number, enrollment: number, assessment: number, score: string, version: number | null) =>
  request<{ score: number; version: number }>('PUT', `/programmes/${programme}/grades/${enrollment}/${assessment}`, { score },
    version == null ? {} : { 'If-Match': `"${version}"` });
export const getGradebook = (programme: number) => request<Gradebook>('GET', `/programmes/${programme}/gradebook`);
export type GradingPolicy = Gradebook['policy'];
export const updateGradingPolicy = (programme: number, policy: GradingPolicy) => request<GradingPolicy>('PUT', `/programmes/${programme}/grading_policy`, policy);
export const createAssessment = (programme: number, assessment: Record<string, unknown>) =>
  request<{ id: number; code: string }>('POST', `/programmes/${programme}/assessments`, assessment);
export const getKnowledgeGain = (programme: number) => request<KnowledgeGain>('GET', `/programmes/${programme}/knowledge_gain`);
export const getMyProgress = (programme: number) => request<Gradebook>('GET', `/programmes/${programme}/progress/me`);
export const getTeamProgress = (programme: number) => request<Gradebook>('GET', `/programmes/${programme}/progress/team`);
export const listSessions = (programme: number) => request<Paged<Session>>('GET', `/programmes/${programme}/sessions`);
export const createSession = (programme: number, session: { module: number; title: { es: string; en: string }; starts_at: string; ends_at: string; place: string; online_link: string }) =>
  request<Session>('POST', `/programmes/${programme}/sessions`, session);
export type SessionInput = { module: number; title: { es: string; en: string }; starts_at: string; ends_at: string; place: string; online_link: string };
export const updateSession = (programme: number, session: number, input: SessionInput, version: number) =>
  request<Session>('PUT', `/programmes/${programme}/sessions/${session}`, input, { 'If-Match': `"${version}"` });
export const deleteSession = (programme: number, session: number) => request<void>('DELETE', `/programmes/${programme}/sessions/${session}`);
export type AssessmentDetail = components['schemas']['AssessmentDetail'];
export const listAssessments = (programme: number) => request<{ items: AssessmentDetail[] }>('GET', `/programmes/${programme}/assessments`);
export const updateAssessment = (programme: number, assessment: number, input: Record<string, unknown>, version: number) =>
  request<AssessmentDetail>('PUT', `/programmes/${programme}/assessments/${assessment}`, input, { 'If-Match': `"${version}"` });
export const deleteAssessment = (programme: number, assessment: number) => request<void>('DELETE', `/programmes/${programme}/assessments/${assessment}`);
export const getAttendance = (programme: number, session: number) =>
  request<SessionAttendance>('GET', `/programmes/${programme}/sessions/${session}/attendance`);
export const recordAttendance = (programme: number, session: number, exceptions: Record<string, string>) =>
  request<{ present: number; late: number; excused: number; absent: number }>('PUT', `/programmes/${programme}/sessions/${session}/attendance`, { exceptions });
export const listSubdivisions = (country: string) => request<Paged<SubdivisionReference>>('GET', `/countries/${country}/subdivisions`);

// Whether the user coordinates this programme (or the whole site): what the UI offers follows
// the server's rules, which still decide.
export const coordinates = (user: User, programme: number) =>
  user.grants.some((grant) => grant.role === 'coordinator' && (grant.programme_id == null || grant.programme_id === programme));
export const teaches = (user: User, programme: number) =>
  user.grants.some((grant) => (grant.role === 'coordinator' || grant.role === 'instructor') && (grant.programme_id == null || grant.programme_id === programme));
export const hasRole = (user: User, role: string, programme: number) =>
  user.grants.some((grant) => grant.role === role && (grant.programme_id == null || grant.programme_id === programme));
export const isSiteCoordinator = (user: User) => user.grants.some((grant) => grant.role === 'coordinator' && grant.programme_id == null);
export const listTeams = (id: number) => request<Paged<Team>>('GET', `/programmes/${id}/teams`);

// Final projects, jury and ranking (issue 4).
export type Project = components['schemas']['Project'];
export type ProjectInput = components['schemas']['ProjectInput'];
export type ProjectDetail = components['schemas']['ProjectDetail'];
export type Attachment = components['schemas']['Attachment'];
export type ProjectSettings = components['schemas']['ProjectSettings'];
export type Rubric = components['schemas']['Rubric'];
export type Review = components['schemas']['Review'];
export type ReviewInput = components['schemas']['ReviewInput'];
export type MyReviews = components['schemas']['MyReviews'];
export type Juror = components['schemas']['Juror'];
export type AddedJuror = components['schemas']['AddedJuror'];
export type JuryProgress = components['schemas']['JuryProgress'];
export type AssignmentOutcome = components['schemas']['AssignmentOutcome'];
export type Ranking = components['schemas']['Ranking'];
export type RankedProject = components['schemas']['RankedProject'];
export type FormationRequest = components['schemas']['FormationRequest'];
export type FormationProposal = components['schemas']['FormationProposal'];
export type TeamInput = components['schemas']['TeamInput'];

export const listProjects = (programme: number) => request<{ items: Project[] }>('GET', `/programmes/${programme}/projects`);
export const getMyProject = (programme: number) => request<ProjectDetail>('GET', `/programmes/${programme}/projects/mine`);
export const getProject = (programme: number, project: number) => request<ProjectDetail>('GET', `/programmes/${programme}/projects/${project}`);
export const submitProject = (programme: number, input: ProjectInput) => request<ProjectDetail>('POST', `/programmes/${programme}/projects`, input);
export const reopenProject = (programme: number, project: number, version: number) =>
  request<ProjectDetail>('POST', `/programmes/${programme}/projects/${project}/reopen`, {}, { 'If-Match': `"${version}"` });
// The PDF goes as the raw body; the server checks its content, not its name or type.
export const addAttachment = (programme: number, project: number, file: File) =>
  request<Attachment>('POST', `/programmes/${programme}/projects/${project}/attachments?file_name=${encodeURIComponent(file.name)}`, file);
export const attachmentUrl = (programme: number, project: number, attachment: number) =>
  `/api/v1/programmes/${programme}/projects/${project}/attachments/${attachment}`;
export const getProjectSettings = (programme: number) => request<ProjectSettings>('GET', `/programmes/${programme}/project_settings`);
export const getRubric = (programme: number) => request<Rubric>('GET', `/programmes/${programme}/rubric`);
export const replaceRubric = (programme: number, criteria: unknown[], version: number) =>
  request<Rubric>('PUT', `/programmes/${programme}/rubric`, { criteria }, { 'If-Match': `"${version}"` });
export const updateProjectSettings = (programme: number, settings: ProjectSettings) => request<ProjectSettings>('PUT', `/programmes/${programme}/project_settings`, settings);
export const listMyReviews = (programme: number) => request<MyReviews>('GET', `/programmes/${programme}/reviews`);
export const getReview = (programme: number, project: number) => request<Review>('GET', `/programmes/${programme}/reviews/${project}`);
export const submitReview = (programme: number, project: number, input: ReviewInput, version: number) =>
  request<Review>('PUT', `/programmes/${programme}/reviews/${project}`, input, { 'If-Match': `"${version}"` });
export const listJurors = (programme: number) => request<{ items: Juror[] }>('GET', `/programmes/${programme}/jurors`);
export const addJuror = (programme: number, juror: { email: string; display_name: string; institution_id: number | null }) =>
  request<AddedJuror>('POST', `/programmes/${programme}/jurors`, juror);
export const declareConflict = (programme: number, user: number, conflict: { team_id?: number; institution_id?: number; reason: string }) =>
  request<Juror>('POST', `/programmes/${programme}/jurors/${user}/conflicts`, conflict);
export const assignJurors = (programme: number) => request<AssignmentOutcome>('POST', `/programmes/${programme}/jury_assignments`, {});
export const getJuryProgress = (programme: number) => request<JuryProgress>('GET', `/programmes/${programme}/jury_progress`);
export const getRanking = (programme: number, order: 'raw' | 'calibrated') => request<Ranking>('GET', `/programmes/${programme}/ranking?order=${order}`);
export const explainRanking = (programme: number, project: number, order: 'raw' | 'calibrated') =>
  request<Ranking>('GET', `/programmes/${programme}/ranking/${project}?order=${order}`);
export const confirmBestProject = (programme: number, project: number) =>
  request<Ranking>('POST', `/programmes/${programme}/recognitions/best_project`, { project_id: project });
export const proposeTeams = (programme: number, input: FormationRequest) => request<FormationProposal>('POST', `/programmes/${programme}/team_formations`, input);
export const applyTeams = (programme: number, assignments: { enrollment_id: number; team_id: number }[]) =>
  request<{ moved: number }>('POST', `/programmes/${programme}/team_formations/apply`, { assignments });
export const updateTeam = (programme: number, team: number, input: TeamInput, version: number) =>
  request<Team>('PUT', `/programmes/${programme}/teams/${team}`, input, { 'If-Match': `"${version}"` });
export const createTeam = (programme: number, input: TeamInput) => request<Team>('POST', `/programmes/${programme}/teams`, input);

// The message of a refused request, naming each field, in the user's language.
export function problemText(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError) || !error.problem) return fallback;
  const details = (error.problem.errors ?? []).map((item) => [item.field, item.message, item.value].filter(Boolean).join(': '));
  return [error.problem.title, ...details].join(' — ');
}

// Grades from a long-form file (issue 3): a dry run first, then the same file committed.
export type GradeImportSummary = paths['/api/v1/programmes/{programme_id}/grade_imports']['post']['responses']['200']['content']['application/json'];
export const importGrades = (programme: number, file: File, commit: boolean) =>
  request<GradeImportSummary>('POST', `/programmes/${programme}/grade_imports?dry_run=${commit ? 'false' : 'true'}`, file);

// Who teaches which module (issue 3): positions from 1; an empty list is the whole programme.
export type Instructor = { user_id: number; email: string; display_name: string; modules: number[] };
export const listInstructors = (programme: number) => request<{ items: Instructor[] }>('GET', `/programmes/${programme}/instructors`);
export const setInstructorModules = (programme: number, user: number, modules: number[]) =>
  request<Instructor>('PUT', `/programmes/${programme}/instructors/${user}/modules`, { modules });
export const getMyModules = (programme: number) => request<{ modules: number[] }>('GET', `/programmes/${programme}/modules/mine`);
