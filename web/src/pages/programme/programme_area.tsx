import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { Route, Router, useLocation, useRoute } from 'preact-iso';
import { coordinates, getProgramme, hasRole, teaches, type Programme, type User } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useResource } from '../../components/use_resource';
import { Loaded } from '../../components/loaded';
import { setFormatLocale } from '../../components/format';
import { useUser } from '../../session';
import { programmePages as pages } from '../../routes';
import { NotFoundPage } from '../not_found/not_found_page';

// Everything under /programmes/{id}: the programme's name, the sections this user's roles
// open (and no others), then the section's own page.
export const ProgrammeContext = createContext<Programme | null>(null);
export const useProgramme = () => useContext(ProgrammeContext);
// What the programme's country calls its subdivisions ("Provincia o comarca", "Departamento",
// "Parish"), for labels; outside a programme, the generic word.
export function useFieldLabel() {
  const programme = useContext(ProgrammeContext);
  const { t, language } = useTranslation();
  return (field: string) => (field === 'subdivision' && programme ? programme.subdivision_category[language] : t(`import.field.${field}`));
}

// Loads the programme again (after its settings changed), keeping the current one on screen meanwhile.
const ProgrammeReloadContext = createContext<() => void>(() => {});
export const useProgrammeReload = () => useContext(ProgrammeReloadContext);

type Section = { path: string; label: string };

export function sectionsFor(user: User, id: number, t: (key: string) => string): Section[] {
  const coordinator = coordinates(user, id);
  const learner = hasRole(user, 'participant', id) || hasRole(user, 'group_leader', id);
  const sections: (Section | false)[] = [
    { path: '', label: t('nav.dashboard') },
    learner && { path: '/progress', label: t('programme.my_progress') },
    learner && { path: '/project', label: t('programme.my_project') },
    coordinator && { path: '/participants', label: t('nav.participants') },
    coordinator && { path: '/gradebook', label: t('nav.gradebook') },
    coordinator && { path: '/graduation', label: t('nav.graduation') },
    (coordinator || learner) && { path: '/certificates', label: coordinator ? t('nav.certificates') : t('nav.my_certificates') },
    teaches(user, id) && { path: '/attendance', label: t('nav.attendance') },
    teaches(user, id) && { path: '/grades', label: t('nav.grades') },
    teaches(user, id) && { path: '/sessions', label: t('nav.sessions') },
    coordinator && { path: '/assessments', label: t('nav.assessments') },
    coordinator && { path: '/instructors', label: t('nav.instructors') },
    coordinator && { path: '/teams', label: t('nav.teams') },
    hasRole(user, 'juror', id) && { path: '/reviews', label: t('programme.my_reviews') },
    coordinator && { path: '/jury', label: t('nav.jury') },
    (coordinator || hasRole(user, 'observer', id)) && { path: '/ranking', label: t('nav.ranking') },
    coordinator && { path: '/ceremony', label: t('nav.ceremony') },
    (coordinator || learner) && { path: '/survey', label: t('nav.survey') },
    (coordinator || hasRole(user, 'observer', id)) && { path: '/report', label: t('nav.report') },
    coordinator && { path: '/news', label: t('nav.news') },
    { path: '/knowledge_gain', label: t('nav.knowledge_gain') },
    { path: '/rubric', label: t('nav.rubric') },
    coordinator && { path: '/audit', label: t('nav.audit') },
    coordinator && { path: '/settings', label: t('nav.settings') },
  ];
  return sections.filter((section): section is Section => Boolean(section));
}

// Numbers and dates on the programme's screens follow the programme's locale.
function withRegion(programme: Programme): Programme {
  setFormatLocale(programme.locale);
  return programme;
}

export function ProgrammeArea() {
  const { t, language } = useTranslation();
  const { params } = useRoute();
  const { path } = useLocation();
  const user = useUser();
  const valid = /^[1-9]\d*$/.test(params.programme ?? '');
  const id = Number(params.programme);
  const programme = useResource(() => (valid ? getProgramme(id) : Promise.reject(new Error('not a programme'))), [params.programme]);
  if (!valid) return <NotFoundPage />;
  const base = `/programmes/${id}`;
  const current = path.slice(base.length);
  return (
    <Loaded resource={programme}>
      {(loaded) => (
        <ProgrammeContext.Provider value={withRegion(loaded)}>
          <ProgrammeReloadContext.Provider value={programme.retry}>
          <div class="programme-head">
            {current !== '' && <p class="programme-name"><a href={base}>{loaded.title[language]}</a></p>}
            <nav class="subnav" aria-label={t('nav.label')}>
              <ul>
                {sectionsFor(user, id, t).map((section) => {
                  const active = section.path === '' ? current === '' : current === section.path || current.startsWith(`${section.path}/`);
                  return <li key={section.path}><a href={base + section.path} aria-current={active ? 'page' : undefined}>{section.label}</a></li>;
                })}
              </ul>
            </nav>
          </div>
          <Router>
            <Route path="/" component={pages.dashboard} />
            <Route path="/participants" component={pages.participants} />
            <Route path="/participants/new" component={pages.enrol} />
            <Route path="/participants/:enrollment" component={pages.person} />
            <Route path="/import" component={pages.participantImport} />
            <Route path="/invitations" component={pages.invitations} />
            <Route path="/corrections" component={pages.corrections} />
            <Route path="/gradebook" component={pages.gradebook} />
            <Route path="/graduation" component={pages.graduation} />
            <Route path="/certificates" component={pages.certificates} />
            <Route path="/grades" component={pages.grades} />
            <Route path="/grade_import" component={pages.gradeImport} />
            <Route path="/attendance" component={pages.attendance} />
            <Route path="/progress" component={pages.progress} />
            <Route path="/sessions" component={pages.sessions} />
            <Route path="/knowledge_gain" component={pages.knowledgeGain} />
            <Route path="/assessments" component={pages.assessments} />
            <Route path="/instructors" component={pages.instructors} />
            <Route path="/project" component={pages.project} />
            <Route path="/reviews" component={pages.reviews} />
            <Route path="/reviews/:project" component={pages.review} />
            <Route path="/ranking" component={pages.ranking} />
            <Route path="/ranking/:project" component={pages.explanation} />
            <Route path="/jury" component={pages.jury} />
            <Route path="/teams" component={pages.teams} />
            <Route path="/rubric" component={pages.rubric} />
            <Route path="/report" component={pages.report} />
            <Route path="/ceremony" component={pages.ceremony} />
            <Route path="/ceremony/door" component={pages.door} />
            <Route path="/survey" component={pages.survey} />
            <Route path="/audit" component={pages.audit} />
            <Route path="/news" component={pages.news} />
            <Route path="/settings" component={pages.settings} />
            <Route default component={NotFoundPage} />
          </Router>
          </ProgrammeReloadContext.Provider>
        </ProgrammeContext.Provider>
      )}
    </Loaded>
  );
}
