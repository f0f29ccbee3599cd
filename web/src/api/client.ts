// A small typed client over the REST contract (types generated from docs/api/openapi.yaml).
import createClient from 'openapi-fetch';
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
export type ProgrammeSetup = components['schemas']['ProgrammeSetup'];
export type ProgrammeInput = components['schemas']['ProgrammeInput'];
export type ProgrammeChanges = components['schemas']['ProgrammeChanges'];
export type ProgrammeStatus = components['schemas']['ProgrammeStatus'];
export type Coordinator = components['schemas']['Coordinator'];
export type CoordinatorInput = components['schemas']['CoordinatorInput'];
export type SessionAttendance = components['schemas']['SessionAttendance'];
export type UserAccount = components['schemas']['UserAccount'];
export type Role = components['schemas']['Role'];

export class ApiError extends Error {
  constructor(public status: number, public problem: Problem | null) {
    super(problem?.title ?? `HTTP ${status}`);
  }
}

let csrfToken = '';

// Every call goes through openapi-fetch over the types generated from docs/api/openapi.yaml, so a
// path, its parameters, its body and its answer are checked against the contract when the app
// is built. The middleware adds the language and, for changes, the CSRF token.
const api = createClient<paths>({ credentials: 'same-origin' });
api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18next.language);
    return request;
  },
});
// The contract names the CSRF header on every change; before sign-in any value will do.
const csrf = () => ({ 'X-CSRF-Token': csrfToken || 'sign-in' });

type Answer<T> = { data?: T; error?: unknown; response: Response };

// The answer's data, or an ApiError carrying the problem (its texts in the user's language).
async function answer<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = response.headers.get('content-type')?.includes('json') && error && typeof error === 'object' ? (error as Problem) : null;
    throw new ApiError(response.status, problem);
  }
  return data as T;
}

const ifMatch = (version: number | string | null | undefined): { 'If-Match'?: string } =>
  version == null || version === '' ? {} : { 'If-Match': typeof version === 'number' ? `"${version}"` : version };
// A file goes as its own bytes; the server reads its content, whatever its type says.
const fileBody = { bodySerializer: (body: unknown) => body as Blob, headers: { 'Content-Type': 'application/octet-stream' } };
const programmePath = (programme: number) => ({ programme_id: programme });

// A file sent as its own bytes, with its progress (fetch cannot report an upload's progress;
// XMLHttpRequest can). The answer and its problem are read as every other call's.
export type Progress = (sent: number, total: number) => void;
function upload<T>(url: string, file: Blob, onProgress?: Progress): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('Accept-Language', i18next.language);
    request.setRequestHeader('X-CSRF-Token', csrfToken || 'sign-in');
    request.responseType = 'json';
    if (onProgress) request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) resolve(request.response as T);
      else reject(new ApiError(request.status, request.response && typeof request.response === 'object' ? (request.response as Problem) : null));
    };
    request.onerror = () => reject(new ApiError(0, null));
    request.send(file);
  });
}

export async function me(): Promise<User | null> {
  try {
    const session = await answer(api.GET('/api/v1/me'));
    csrfToken = session.csrf_token;
    return session.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(email: string, password: string): Promise<User> {
  const session = await answer(api.POST('/api/v1/session', { params: { header: csrf() }, body: { email, password } }));
  csrfToken = session.csrf_token;
  return session.user;
}

// The account lifecycle (the site coordinator's) and one's own password and sessions.
const userPath = (user: number) => ({ user_id: user });
export const listUsers = () => answer(api.GET('/api/v1/users'));
export const disableUser = (user: number) => answer(api.POST('/api/v1/users/{user_id}/disable', { params: { path: userPath(user), header: csrf() } }));
export const enableUser = (user: number) => answer(api.POST('/api/v1/users/{user_id}/enable', { params: { path: userPath(user), header: csrf() } }));
export const grantRole = (user: number, role: Role, programmeCode: string) =>
  answer(api.POST('/api/v1/users/{user_id}/grants', { params: { path: userPath(user), header: csrf() }, body: { role, programme_code: programmeCode } }));
export const revokeRole = (user: number, grant: number) =>
  answer(api.DELETE('/api/v1/users/{user_id}/grants/{grant_id}', { params: { path: { user_id: user, grant_id: grant }, header: csrf() } }));
export const resetPassword = (user: number) => answer(api.POST('/api/v1/users/{user_id}/password_reset', { params: { path: userPath(user), header: csrf() } }));
export const sendPasswordLink = (user: number) => answer(api.POST('/api/v1/users/{user_id}/password_link', { params: { path: userPath(user), header: csrf() } }));
export const endUserSessions = (user: number) => answer(api.DELETE('/api/v1/users/{user_id}/sessions', { params: { path: userPath(user), header: csrf() } }));
export const changeMyPassword = (current: string, next: string) =>
  answer(api.PUT('/api/v1/me/password', { params: { header: csrf() }, body: { current_password: current, new_password: next } }));
// The installation's privacy notice and the signed-in user's consent (Ley 81).
export const getConsent = () => answer(api.GET('/api/v1/consent'));
export const acceptConsent = (version: string) => answer(api.POST('/api/v1/consent', { params: { header: csrf() }, body: { version } }));
export const withdrawConsent = () => answer(api.DELETE('/api/v1/consent', { params: { header: csrf() } }));
export type Consent = Awaited<ReturnType<typeof getConsent>>;
// Ley 81's rectification: one's own requests, and a programme's inbox.
export const myCorrectionRequests = () => answer(api.GET('/api/v1/me/correction_requests'));
export const requestCorrection = (programme: number, request: string) =>
  answer(api.POST('/api/v1/me/correction_requests', { params: { header: csrf() }, body: { programme_id: programme, request } }));
export const listCorrectionRequests = (programme: number) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/correction_requests', { params: { path: programmePath(programme) } }));
export const resolveCorrectionRequest = (programme: number, request: number, resolution: string) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/correction_requests/{request_id}/resolve', {
    params: { header: csrf(), path: { programme_id: programme, request_id: request } }, body: { resolution },
  }));
export type CorrectionRequest = Awaited<ReturnType<typeof myCorrectionRequests>>['items'][number];
// Password links: asked for by e-mail, or mailed by an invitation; the token goes in the body.
export const requestPasswordReset = (email: string) =>
  answer(api.POST('/api/v1/password_resets', { params: { header: csrf() }, body: { email } }));
export const inspectAccountLink = (token: string) =>
  answer(api.POST('/api/v1/account_links/inspect', { params: { header: csrf() }, body: { token } }));
export const redeemAccountLink = (token: string, password: string) =>
  answer(api.POST('/api/v1/account_links/redeem', { params: { header: csrf() }, body: { token, password } }));
export type AccountLink = Awaited<ReturnType<typeof inspectAccountLink>>;
export const listInvitations = (programme: number) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/invitations', { params: { path: programmePath(programme) } }));
export type InvitationRow = Awaited<ReturnType<typeof listInvitations>>['items'][number];
export const inviteParticipants = (programme: number, enrollmentIds?: number[]) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/invitations', {
    params: { path: programmePath(programme), header: csrf() }, body: enrollmentIds ? { enrollment_ids: enrollmentIds } : {},
  }));
export const endMyOtherSessions = () => answer(api.DELETE('/api/v1/me/sessions', { params: { header: csrf() } }));

export type AuditQuery = { actor?: string; action?: string; person?: string; since?: string; until?: string; page?: number; per_page?: number };
export const readAudit = (programme: number, query: AuditQuery) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/audit', { params: { path: programmePath(programme), query } }));
export type AuditPage = Awaited<ReturnType<typeof readAudit>>;

export async function signOut(): Promise<void> {
  await answer(api.DELETE('/api/v1/session', { params: { header: csrf() } }));
  csrfToken = '';
}

export type ProgrammeQuery = { q?: string; page?: number; per_page?: number };
export const listProgrammes = (query: ProgrammeQuery = {}) => answer(api.GET('/api/v1/programmes', { params: { query } }));
export const getProgramme = (id: number) => answer(api.GET('/api/v1/programmes/{programme_id}', { params: { path: programmePath(id) } }));
export type ParticipantQuery = {
  q?: string; institution?: string; province?: string; level?: string; sex?: string; team?: string; status?: string; sort?: string;
};
// The filled members of a query as a query string; empty ones are left out.
export function queryString(query: Record<string, string | number | undefined>): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') parameters.set(key, String(value));
  return parameters.toString();
}
export const participantQueryString = (query: ParticipantQuery) => queryString(query);
type ParticipantFilters = NonNullable<paths['/api/v1/programmes/{programme_id}/participants']['get']['parameters']['query']>;
// The filters come from the page's inputs as text; the server checks each one (400 naming it).
const filled = (query: ParticipantQuery) => Object.fromEntries(Object.entries(query).filter(([, value]) => value)) as ParticipantFilters;
export const listParticipants = (id: number, page = 1, perPage = 200, query: ParticipantQuery = {}) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/participants', { params: { path: programmePath(id), query: { page, per_page: perPage, ...filled(query) } } }));
export const exportParticipantsUrl = (id: number, format: 'csv' | 'xlsx', query: ParticipantQuery) =>
  `/api/v1/programmes/${id}/participants/export?format=${format}&lang=${i18next.language}&${participantQueryString(query)}`;
export const getParticipant = async (programme: number, enrollment: number) => {
  const call = api.GET('/api/v1/programmes/{programme_id}/participants/{enrollment_id}', { params: { path: { programme_id: programme, enrollment_id: enrollment } } });
  const record = await answer(call);
  return { record, etag: (await call).response.headers.get('etag') ?? '' };
};
export const changeStatus = (programme: number, enrollment: number, status: ParticipantRecord['status'], reason: string, etag: string) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/participants/{enrollment_id}/status', {
    params: { header: csrf(), path: { programme_id: programme, enrollment_id: enrollment } }, body: { status, reason }, headers: ifMatch(etag),
  }));
export const anonymiseParticipant = (programme: number, enrollment: number) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/participants/{enrollment_id}/anonymise', {
    params: { header: csrf(), path: { programme_id: programme, enrollment_id: enrollment } },
  }));
export const enrolParticipant = (programme: number, fields: Record<string, string>) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/participants', { params: { header: csrf(), path: programmePath(programme) }, body: fields }));
export type ImportUpload = paths['/api/v1/programmes/{programme_id}/participant_imports']['post']['responses']['201']['content']['application/json'];
export const uploadImport = (programme: number, file: File, onProgress?: Progress) =>
  upload<ImportUpload>(`/api/v1/programmes/${programme}/participant_imports?file_name=${encodeURIComponent(file.name)}`, file, onProgress);
export const previewImport = (programme: number, upload: number, mapping: ImportMapping, createInstitutions = false) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/participant_imports/{import_id}/preview', { params: { header: csrf(), path: { programme_id: programme, import_id: upload } }, body: { mapping, create_institutions: createInstitutions } }));
export const commitImport = (programme: number, upload: number, mapping: ImportMapping, createInstitutions = false) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/participant_imports/{import_id}/commit', { params: { header: csrf(), path: { programme_id: programme, import_id: upload } }, body: { mapping, create_institutions: createInstitutions } }));
export const listInstitutions = () => answer(api.GET('/api/v1/institutions'));
export const createInstitution = (input: InstitutionInput) => answer(api.POST('/api/v1/institutions', { params: { header: csrf() }, body: input }));
export const updateInstitution = (id: number, input: InstitutionInput, version: number) =>
  answer(api.PUT('/api/v1/institutions/{institution_id}', { params: { header: csrf(), path: { institution_id: id } }, body: input, headers: ifMatch(version) }));
export const mergeInstitution = (keep: number, mergeId: number) =>
  answer(api.POST('/api/v1/institutions/{institution_id}/merge', { params: { header: csrf(), path: { institution_id: keep } }, body: { merge_id: mergeId } }));
export const getGradeGrid = (programme: number, module: number) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/modules/{module}/grades', { params: { path: { programme_id: programme, module } } }));
export const recordGrade = (programme: number, enrollment: number, assessment: number, score: string, version: number | null) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/grades/{enrollment_id}/{assessment_id}', {
    params: { header: csrf(), path: { programme_id: programme, enrollment_id: enrollment, assessment_id: assessment } }, body: { score }, headers: ifMatch(version),
  }));
export const getGradebook = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/gradebook', { params: { path: programmePath(programme) } }));
export type GradebookQuery = Omit<NonNullable<paths['/api/v1/programmes/{programme_id}/gradebook/export']['get']['parameters']['query']>, 'format' | 'lang'>;
// The export of what the gradebook screen shows: the same filters and order, in the reader's language.
export const gradebookExportUrl = (programme: number, format: 'csv' | 'xlsx', query: GradebookQuery) =>
  `/api/v1/programmes/${programme}/gradebook/export?${queryString({ format, lang: i18next.language, ...query })}`;
export type GradingPolicy = components['schemas']['GradingPolicy'];
// Certificates (issue 13).
export type CertificateSettings = components['schemas']['CertificateSettings'];
export type Certificate = components['schemas']['Certificate'];
export type Signatory = components['schemas']['Signatory'];
export const getCertificateSettings = (programme: number) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/certificate_settings', { params: { path: programmePath(programme) } }));
export const updateCertificateSettings = (programme: number, layout: CertificateSettings['layout'], signatories: Signatory[]) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/certificate_settings', { params: { header: csrf(), path: programmePath(programme) }, body: { layout, signatories } }));
export const addCertificateLogo = (programme: number, file: File) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/certificate_settings/logos', {
    params: { header: csrf(), path: programmePath(programme) }, body: file as unknown as string, ...fileBody,
  }));
export const deleteCertificateLogo = (programme: number, position: number) =>
  answer(api.DELETE('/api/v1/programmes/{programme_id}/certificate_settings/logos/{position}', { params: { header: csrf(), path: { programme_id: programme, position } } }));
export const listCertificates = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/certificates', { params: { path: programmePath(programme) } }));
export const issueCertificates = (programme: number) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/certificates', { params: { header: csrf(), path: programmePath(programme) } }));
export const revokeCertificate = (programme: number, serial: string, reason: string) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/certificates/{serial}/revocation', {
    params: { header: csrf(), path: { programme_id: programme, serial } }, body: { reason },
  }));
export const certificatePdfUrl = (programme: number, serial: string) => `/api/v1/programmes/${programme}/certificates/${encodeURIComponent(serial)}/pdf`;
export const certificateCredentialUrl = (programme: number, serial: string) => `/api/v1/programmes/${programme}/certificates/${encodeURIComponent(serial)}/credential`;
export const certificatesArchiveUrl = (programme: number) => `/api/v1/programmes/${programme}/certificates/archive`;
export type Verification = paths['/api/v1/verify/{serial}']['get']['responses']['200']['content']['application/json'];
export const getVerification = (serial: string) => answer(api.GET('/api/v1/verify/{serial}', { params: { path: { serial } } }));
// Graduation (issue 13).
export type Eligibility = components['schemas']['Eligibility'];
export type EligibilityRow = components['schemas']['EligibilityRow'];
export type WhatIf = Omit<NonNullable<paths['/api/v1/programmes/{programme_id}/eligibility']['get']['parameters']['query']>, 'format' | 'lang'>;
// JSON here; the same route answers CSV only when asked (eligibilityCsvUrl).
export const getEligibility = (programme: number, query: WhatIf = {}) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/eligibility', { params: { path: programmePath(programme), query } })) as Promise<Eligibility>;
export const eligibilityCsvUrl = (programme: number, query: WhatIf = {}) =>
  `/api/v1/programmes/${programme}/eligibility?${queryString({ ...query, format: 'csv', lang: i18next.language })}`;
export const setGraduationOverride = (programme: number, enrollment: number, decision: 'graduate' | 'withhold', justification: string) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/participants/{enrollment_id}/graduation_override', {
    params: { header: csrf(), path: { programme_id: programme, enrollment_id: enrollment } }, body: { decision, justification },
  }));
export const clearGraduationOverride = (programme: number, enrollment: number) =>
  answer(api.DELETE('/api/v1/programmes/{programme_id}/participants/{enrollment_id}/graduation_override', {
    params: { header: csrf(), path: { programme_id: programme, enrollment_id: enrollment } },
  }));
export const graduateClass = (programme: number, dryRun: boolean) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/graduation', { params: { header: csrf(), path: programmePath(programme) }, body: { dry_run: dryRun } }));
export const updateGradingPolicy = (programme: number, policy: GradingPolicy) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/grading_policy', { params: { header: csrf(), path: programmePath(programme) }, body: policy }));
export type AssessmentInput = components['schemas']['AssessmentInput'];
export const createAssessment = (programme: number, assessment: AssessmentInput) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/assessments', { params: { header: csrf(), path: programmePath(programme) }, body: assessment }));
export type Indicators = components['schemas']['Indicators'];
export type CountTable = components['schemas']['CountTable'];
export type Count = components['schemas']['Count'];
export const getIndicators = (programme: number, shared: boolean) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/indicators', { params: { path: programmePath(programme), query: shared ? { shared: 'true' } : {} } }));
export const indicatorsExportUrl = (programme: number, format: 'csv' | 'xlsx', shared: boolean) =>
  `/api/v1/programmes/${programme}/indicators/export?${queryString({ format, lang: i18next.language, ...(shared ? { shared: 'true' } : {}) })}`;
export type CeremonyView = components['schemas']['CeremonyView'];
export type CeremonyInput = components['schemas']['CeremonyInput'];
export type Guest = components['schemas']['Guest'];
export type GuestInput = components['schemas']['GuestInput'];
export type GuestCounts = components['schemas']['GuestCounts'];
export const getCeremony = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/ceremony', { params: { path: programmePath(programme) } }));
export const saveCeremony = (programme: number, ceremony: CeremonyInput, version: number) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/ceremony', { params: { header: csrf(), path: programmePath(programme) }, body: ceremony, headers: ifMatch(version || null) }));
export const protocolPdfUrl = (programme: number, language: string) => `/api/v1/programmes/${programme}/ceremony/protocol?lang=${language}`;
export const addGuest = (programme: number, guest: GuestInput) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/ceremony/guests', { params: { header: csrf(), path: programmePath(programme) }, body: guest }));
export const updateGuest = (programme: number, guest: number, input: GuestInput, version: number) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/ceremony/guests/{guest_id}', {
    params: { header: { ...csrf(), 'If-Match': `"${version}"` }, path: { programme_id: programme, guest_id: guest } }, body: input,
  }));
export const removeGuest = (programme: number, guest: number) =>
  answer(api.DELETE('/api/v1/programmes/{programme_id}/ceremony/guests/{guest_id}', { params: { header: csrf(), path: { programme_id: programme, guest_id: guest } } }));
export const checkInGuest = (programme: number, guest: number, arrived: boolean) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/ceremony/guests/{guest_id}/check_in', {
    params: { header: csrf(), path: { programme_id: programme, guest_id: guest } }, body: { arrived },
  }));
export type Survey = components['schemas']['Survey'];
export type SurveyQuestionInput = components['schemas']['SurveyQuestionInput'];
export const getSurvey = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/survey', { params: { path: programmePath(programme) } }));
export const saveSurveyQuestions = (programme: number, questions: SurveyQuestionInput[]) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/survey/questions', { params: { header: csrf(), path: programmePath(programme) }, body: { questions } }));
export const answerSurvey = (programme: number, answers: { question_id: number; value?: number | null; text?: string }[]) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/survey/responses', { params: { header: csrf(), path: programmePath(programme) }, body: { answers } }));
export type News = components['schemas']['News'];
export const getNews = (programme: number, language: 'es' | 'en') =>
  answer(api.GET('/api/v1/programmes/{programme_id}/news/{language}', { params: { path: { programme_id: programme, language } } }));
export const saveNews = (programme: number, language: 'es' | 'en', body: string, version: number | null) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/news/{language}', { params: { header: csrf(), path: { programme_id: programme, language } }, body: { body }, headers: ifMatch(version) }));
export const newsExportUrl = (programme: number, language: 'es' | 'en', format: 'md' | 'odt') => `/api/v1/programmes/${programme}/news/${language}/export?format=${format}`;
export const getKnowledgeGain = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/knowledge_gain', { params: { path: programmePath(programme) } }));
export const getMyProgress = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/progress/me', { params: { path: programmePath(programme) } }));
export const getTeamProgress = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/progress/team', { params: { path: programmePath(programme) } }));
export const listSessions = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/sessions', { params: { path: programmePath(programme) } }));
export type SessionInput = NonNullable<paths['/api/v1/programmes/{programme_id}/sessions']['post']['requestBody']>['content']['application/json'];
export const createSession = (programme: number, session: SessionInput) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/sessions', { params: { header: csrf(), path: programmePath(programme) }, body: session }));
export const updateSession = (programme: number, session: number, input: SessionInput, version: number) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/sessions/{session_id}', { params: { header: csrf(), path: { programme_id: programme, session_id: session } }, body: input, headers: ifMatch(version) }));
export const deleteSession = (programme: number, session: number) =>
  answer(api.DELETE('/api/v1/programmes/{programme_id}/sessions/{session_id}', { params: { header: csrf(), path: { programme_id: programme, session_id: session } } }));
export type AssessmentDetail = components['schemas']['AssessmentDetail'];
export const listAssessments = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/assessments', { params: { path: programmePath(programme) } }));
export const updateAssessment = (programme: number, assessment: number, input: AssessmentInput, version: number) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/assessments/{assessment_id}', {
    params: { header: csrf(), path: { programme_id: programme, assessment_id: assessment } }, body: input, headers: ifMatch(version),
  }));
export const deleteAssessment = (programme: number, assessment: number) =>
  answer(api.DELETE('/api/v1/programmes/{programme_id}/assessments/{assessment_id}', { params: { header: csrf(), path: { programme_id: programme, assessment_id: assessment } } }));
export const getAttendance = (programme: number, session: number) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/sessions/{session_id}/attendance', { params: { path: { programme_id: programme, session_id: session } } }));
export type AttendanceMark = Exclude<components['schemas']['SessionAttendance']['marks'][number]['mark'], 'unrecorded'>;
export const recordAttendance = (programme: number, session: number, exceptions: Record<string, AttendanceMark>) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/sessions/{session_id}/attendance', { params: { header: csrf(), path: { programme_id: programme, session_id: session } }, body: { exceptions } }));
// Programme setup (issue 12).
export const listCountries = () => answer(api.GET('/api/v1/countries'));
export const createProgramme = (input: ProgrammeInput & { coordinators?: CoordinatorInput[] }) =>
  answer(api.POST('/api/v1/programmes', { params: { header: csrf() }, body: input }));
export const updateProgramme = (programme: number, changes: ProgrammeChanges, version: number) =>
  answer(api.PATCH('/api/v1/programmes/{programme_id}', { params: { path: programmePath(programme), header: { ...csrf(), 'If-Match': `"${version}"` } }, body: changes }));
export const cloneProgramme = (programme: number, code: string, startDate: string) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/clones', { params: { path: programmePath(programme), header: csrf() }, body: { code, start_date: startDate } }));
export const getSetup = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/setup', { params: { path: programmePath(programme) } }));
export const listCoordinators = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/coordinators', { params: { path: programmePath(programme) } }));
export const nameCoordinator = (programme: number, input: CoordinatorInput) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/coordinators', { params: { path: programmePath(programme), header: csrf() }, body: input }));
export const listSubdivisions = (country: string) => answer(api.GET('/api/v1/countries/{country}/subdivisions', { params: { path: { country } } }));

// Whether the user coordinates this programme (or the whole site): what the UI offers follows
// the server's rules, which still decide.
export const coordinates = (user: User, programme: number) =>
  user.grants.some((grant) => grant.role === 'coordinator' && (grant.programme_id == null || grant.programme_id === programme));
export const teaches = (user: User, programme: number) =>
  user.grants.some((grant) => (grant.role === 'coordinator' || grant.role === 'instructor') && (grant.programme_id == null || grant.programme_id === programme));
export const hasRole = (user: User, role: string, programme: number) =>
  user.grants.some((grant) => grant.role === role && (grant.programme_id == null || grant.programme_id === programme));
export const isSiteCoordinator = (user: User) => user.grants.some((grant) => grant.role === 'coordinator' && grant.programme_id == null);

export const listTeams = (id: number) => answer(api.GET('/api/v1/programmes/{programme_id}/teams', { params: { path: programmePath(id) } }));

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

const projectPath = (programme: number, project: number) => ({ programme_id: programme, project_id: project });
export const listProjects = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/projects', { params: { path: programmePath(programme) } }));
export const getMyProject = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/projects/mine', { params: { path: programmePath(programme) } }));
export const getProject = (programme: number, project: number) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/projects/{project_id}', { params: { path: projectPath(programme, project) } }));
export const submitProject = (programme: number, input: ProjectInput) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/projects', { params: { header: csrf(), path: programmePath(programme) }, body: input }));
export const reopenProject = (programme: number, project: number, version: number) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/projects/{project_id}/reopen', { params: { header: csrf(), path: projectPath(programme, project) }, headers: ifMatch(version) }));
// The PDF goes as the raw body; the server checks its content, not its name or type.
export const addAttachment = (programme: number, project: number, file: File, onProgress?: Progress) =>
  upload<Attachment>(`/api/v1/programmes/${programme}/projects/${project}/attachments?file_name=${encodeURIComponent(file.name)}`, file, onProgress);
export const attachmentUrl = (programme: number, project: number, attachment: number) =>
  `/api/v1/programmes/${programme}/projects/${project}/attachments/${attachment}`;
export const getProjectSettings = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/project_settings', { params: { path: programmePath(programme) } }));
export const getRubric = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/rubric', { params: { path: programmePath(programme) } }));
export type RubricInput = components['schemas']['RubricInput'];
export const replaceRubric = (programme: number, criteria: RubricInput['criteria'], version: number) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/rubric', { params: { header: csrf(), path: programmePath(programme) }, body: { criteria }, headers: ifMatch(version) }));
export const updateProjectSettings = (programme: number, settings: ProjectSettings) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/project_settings', { params: { header: csrf(), path: programmePath(programme) }, body: settings }));
export const listMyReviews = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/reviews', { params: { path: programmePath(programme) } }));
export const getReview = (programme: number, project: number) =>
  answer(api.GET('/api/v1/programmes/{programme_id}/reviews/{project_id}', { params: { path: projectPath(programme, project) } }));
export const submitReview = (programme: number, project: number, input: ReviewInput, version: number) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/reviews/{project_id}', { params: { header: csrf(), path: projectPath(programme, project) }, body: input, headers: ifMatch(version) }));
export const listJurors = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/jurors', { params: { path: programmePath(programme) } }));
export const addJuror = (programme: number, juror: { email: string; display_name: string; institution_id: number | null }) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/jurors', { params: { header: csrf(), path: programmePath(programme) }, body: juror }));
export const declareConflict = (programme: number, user: number, conflict: { team_id?: number; institution_id?: number; reason: string }) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/jurors/{user_id}/conflicts', { params: { header: csrf(), path: { programme_id: programme, user_id: user } }, body: conflict }));
export const assignJurors = (programme: number) => answer(api.POST('/api/v1/programmes/{programme_id}/jury_assignments', { params: { header: csrf(), path: programmePath(programme) } }));
export const getJuryProgress = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/jury_progress', { params: { path: programmePath(programme) } }));
export const getRanking = (programme: number, order: 'raw' | 'calibrated') =>
  answer(api.GET('/api/v1/programmes/{programme_id}/ranking', { params: { path: programmePath(programme), query: { order } } }));
export const explainRanking = (programme: number, project: number, order: 'raw' | 'calibrated') =>
  answer(api.GET('/api/v1/programmes/{programme_id}/ranking/{project_id}', { params: { path: projectPath(programme, project), query: { order } } }));
export const confirmBestProject = (programme: number, project: number) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/recognitions/best_project', { params: { header: csrf(), path: programmePath(programme) }, body: { project_id: project } }));
export const proposeTeams = (programme: number, input: FormationRequest) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/team_formations', { params: { header: csrf(), path: programmePath(programme) }, body: input }));
export const applyTeams = (programme: number, assignments: { enrollment_id: number; team_id: number }[]) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/team_formations/apply', { params: { header: csrf(), path: programmePath(programme) }, body: { assignments } }));
export const updateTeam = (programme: number, team: number, input: TeamInput, version: number) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/teams/{team_id}', { params: { header: csrf(), path: { programme_id: programme, team_id: team } }, body: input, headers: ifMatch(version) }));
export const createTeam = (programme: number, input: TeamInput) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/teams', { params: { header: csrf(), path: programmePath(programme) }, body: input }));

// The message of a refused request, naming each field, in the user's language.
export function problemText(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError) || !error.problem) return fallback;
  const details = (error.problem.errors ?? []).map((item) => [item.field, item.message, item.value].filter(Boolean).join(': '));
  return [error.problem.title, ...details].join(' — ');
}

// Grades from a long-form file (issue 3): a dry run first, then the same file committed.
export type GradeImportSummary = paths['/api/v1/programmes/{programme_id}/grade_imports']['post']['responses']['200']['content']['application/json'];
export const importGrades = (programme: number, file: File, commit: boolean) =>
  answer(api.POST('/api/v1/programmes/{programme_id}/grade_imports', {
    params: { header: csrf(), path: programmePath(programme), query: { dry_run: commit ? 'false' : 'true' } }, body: file as unknown as string, ...fileBody,
  }));

// Who teaches which module (issue 3): positions from 1; an empty list is the whole programme.
export type Instructor = components['schemas']['Instructor'];
export const listInstructors = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/instructors', { params: { path: programmePath(programme) } }));
export const setInstructorModules = (programme: number, user: number, modules: number[]) =>
  answer(api.PUT('/api/v1/programmes/{programme_id}/instructors/{user_id}/modules', { params: { header: csrf(), path: { programme_id: programme, user_id: user } }, body: { modules } }));
export const getMyModules = (programme: number) => answer(api.GET('/api/v1/programmes/{programme_id}/modules/mine', { params: { path: programmePath(programme) } }));
