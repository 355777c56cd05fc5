import { Router, type RequestHandler, type Response } from 'express';
import type { Translate } from '../../i18n/catalogue.js';
import { assessmentListView, clientFormView, clientListView } from '../../presenters/practicePages.js';
import { AssessmentNotFoundError, type AssessmentService } from '../../services/assessmentService.js';
import type { PracticeService } from '../../services/practiceService.js';
import type { ClientDetails } from '../../repositories/clientRepository.js';
import { readAssessmentFilter, readClientSearch, type ListQuery } from '../forms/listQuery.js';
import { readClientForm } from '../forms/clientForm.js';
import type { FieldError, FormValues } from '../forms/fields.js';
import { storageFailureOrThrow } from '../errorHandler.js';
import { checkedUser, requireRole, requireSignedIn, type SignedInUser } from '../middleware/currentUser.js';
import { provideAssessment, type AssessmentAccess } from './assessmentContext.js';

/** Roles that run assessments and keep the client list; compliance reads only. */
const EDITING_ROLES = ['admin', 'consultant'] as const;
const READING_ROLES = ['admin', 'consultant', 'compliance'] as const;

/** Where a firm's assessment lives: its pages are the same routes as an anonymous browser's. */
export const firmAssessmentBase = (assessmentId: string) => `/assessments/${assessmentId}`;

const userOf = checkedUser;

function accessOf(user: SignedInUser): AssessmentAccess {
  return (EDITING_ROLES as readonly string[]).includes(user.role) ? 'edit' : 'read';
}

function notFound(res: Response): void {
  res.status(404).render('pages/error', { status: 404 });
}

/**
 * Resolves `/assessments/:assessmentId` for a signed-in user of the firm that owns it. Anyone
 * else, and any id that is not an assessment of their firm, gets the same 404: no answer tells
 * that an id exists.
 */
export function firmAssessment(assessments: AssessmentService, practice: PracticeService): RequestHandler[] {
  const resolve: RequestHandler = async (req, res, next) => {
    const user = userOf(res);
    const id = String(req.params.assessmentId);
    try {
      const state = await assessments.load(id);
      if (state.assessment.organisationId !== user.organisationId) {
        notFound(res);
        return;
      }
      provideAssessment(res, state, firmAssessmentBase(id), accessOf(user));
      // Which client this is an assessment of: its pages lead back to the client.
      const client = state.assessment.clientId ? await practice.findClient(user, state.assessment.clientId) : undefined;
      if (client) res.locals.assessmentClient = { name: client.name, href: `/clients/${client.id}` };
      next();
    } catch (error) {
      if (!(error instanceof AssessmentNotFoundError)) throw error;
      notFound(res);
    }
  };
  return [requireSignedIn, requireRole(...READING_ROLES), resolve];
}

/** A firm's clients and the list of its assessments. */
export function practiceRoutes(practice: PracticeService, t: Translate): Router {
  const router = Router();
  const readers = [requireSignedIn, requireRole(...READING_ROLES)];
  const editors = [requireSignedIn, requireRole(...EDITING_ROLES)];

  function renderClientForm(res: Response, page: { status?: number; clientId?: string; values: FormValues; errors?: readonly FieldError[]; notSaved?: boolean }): void {
    res.status(page.status ?? 200).render('pages/practice/clientForm', { page: clientFormView({ ...page, errors: page.errors ?? [] }, t) });
  }

  /** Saves a valid client form, or shows it again with what was typed. */
  async function saveClient(req: Parameters<RequestHandler>[0], res: Response, clientId: string | undefined): Promise<void> {
    // Another firm's or an unknown client: the same 404 whatever was posted, before the form is read.
    if (clientId !== undefined && !(await practice.findClient(userOf(res), clientId))) {
      notFound(res);
      return;
    }
    const result = await readClientForm(req, t);
    const base = clientId === undefined ? {} : { clientId };
    if (!result.ok) {
      renderClientForm(res, { ...base, status: 400, values: result.values, errors: result.errors });
      return;
    }
    const details: ClientDetails = result.data;
    let savedId: string | undefined;
    try {
      savedId = clientId === undefined ? await practice.createClient(userOf(res), details) : (await practice.updateClient(userOf(res), clientId, details)) ? clientId : undefined;
    } catch (error) {
      const refused = storageFailureOrThrow(error, req, res);
      renderClientForm(res, { ...base, status: refused.status, values: formValuesOf(details), notSaved: true });
      return;
    }
    if (savedId === undefined) {
      notFound(res);
      return;
    }
    res.redirect(303, `/clients/${savedId}`);
  }

  router.get('/clients', ...readers, async (req, res) => {
    const query = readClientSearch(req.query);
    const found = await practice.listClients(userOf(res), query);
    res.render('pages/practice/clients', { page: clientListView(found, query, accessOf(userOf(res)), t) });
  });

  router.get('/clients/new', ...editors, (_req, res) => {
    renderClientForm(res, { values: { country: 'GE_AZ' } });
  });

  router.post('/clients', ...editors, (req, res) => saveClient(req, res, undefined));

  router.get('/clients/:clientId', ...readers, async (req, res) => {
    const user = userOf(res);
    const client = await practice.findClient(user, String(req.params.clientId));
    if (!client) {
      notFound(res);
      return;
    }
    const query: ListQuery = { page: readClientSearch(req.query).page, filter: { clientId: client.id } };
    const assessments = await practice.listAssessments(user, query.filter, query.page);
    res.render('pages/practice/client', { record: client, page: assessmentListView(assessments, query, `/clients/${client.id}`, t), access: accessOf(user) });
  });

  router.get('/clients/:clientId/edit', ...editors, async (req, res) => {
    const client = await practice.findClient(userOf(res), String(req.params.clientId));
    if (!client) {
      notFound(res);
      return;
    }
    renderClientForm(res, { clientId: client.id, values: formValuesOf(client) });
  });

  router.post('/clients/:clientId', ...editors, (req, res) => saveClient(req, res, String(req.params.clientId)));

  router.post('/clients/:clientId/assessments', ...editors, async (req, res) => {
    const assessmentId = await practice.startAssessment(userOf(res), String(req.params.clientId));
    if (!assessmentId) {
      notFound(res);
      return;
    }
    res.redirect(303, firmAssessmentBase(assessmentId));
  });

  router.get('/assessments', ...readers, async (req, res) => {
    const read = readAssessmentFilter(req.query, t);
    const found = await practice.listAssessments(userOf(res), read.query.filter, read.query.page);
    const page = assessmentListView(found, read.query, '/assessments', t, { typed: read.typed, errors: read.errors });
    res.status(read.errors.length > 0 ? 400 : 200).render('pages/practice/assessments', { page, access: accessOf(userOf(res)) });
  });

  return router;
}

function formValuesOf(details: ClientDetails): FormValues {
  return {
    name: details.name,
    country: details.country,
    sector: details.sector ?? '',
    contactName: details.contactName ?? '',
    contactEmail: details.contactEmail ?? '',
    contactPhone: details.contactPhone ?? '',
  };
}
