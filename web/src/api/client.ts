// A small typed client over the REST contract (types generated from docs/api/openapi.yaml).
import type { components } from './schema';
import i18next from 'i18next';

export type Programme = components['schemas']['Programme'];
export type ProgrammeSummary = components['schemas']['ProgrammeSummary'];
export type Participant = components['schemas']['Participant'];
export type Team = components['schemas']['Team'];
export type User = components['schemas']['User'];
export type Problem = components['schemas']['Problem'];

export class ApiError extends Error {
  constructor(public status: number, public problem: Problem | null) {
    super(problem?.title ?? `HTTP ${status}`);
  }
}

let csrfToken = '';

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': i18next.language };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken || 'sign-in';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
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
export const listParticipants = (id: number, page = 1, perPage = 200) =>
  request<Paged<Participant>>('GET', `/programmes/${id}/participants?page=${page}&per_page=${perPage}`);
export const listTeams = (id: number) => request<Paged<Team>>('GET', `/programmes/${id}/teams`);
