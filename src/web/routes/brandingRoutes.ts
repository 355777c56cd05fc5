import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { FIRM_NAME_MAX_LENGTH, type OrganisationBranding } from '../../branding/branding.js';
import { prepareLogo } from '../../branding/logoImage.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { BrandingRepository } from '../../repositories/brandingRepository.js';
import { storageFailureOrThrow } from '../errorHandler.js';
import {
  BRANDING_FIELDS,
  isRemoveLogo,
  LOGO_MAX_SIZE_TEXT,
  logoRefusalMessage,
  readFirmName,
  readMultipartBody,
  REMOVE_LOGO_ACTION,
  typedFirmName,
  uploadProblemOf,
} from '../forms/brandingForm.js';
import type { FieldError } from '../forms/fields.js';
import { CsrfTokenError, isCsrfValid } from '../middleware/csrf.js';
import { BRANDING_PATH } from '../middleware/webSecurity.js';

const LOGO_PATH = `${BRANDING_PATH}/logo.png`;

/** The preview of the stored logo on the page: fitted into this box (CSS pixels), aspect kept. */
const PREVIEW_BOX = { width: 240, height: 80 };

export interface BrandingRoutesDependencies {
  repository: BrandingRepository;
  t: Translate;
  /** Lets through only those who may change the organisation's branding (its admins); answers everyone else itself. */
  guard: RequestHandler;
  /** The organisation of the signed-in user, once `guard` has let the request through. */
  organisationIdOf: (res: Response) => string;
}

interface PageState {
  status?: number;
  notice?: 'saved' | 'logoRemoved' | 'notSaved';
  /** The firm name as typed, when the form is shown again. */
  typedFirmName?: string;
  errors?: FieldError[];
}

function previewSize(logo: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, PREVIEW_BOX.width / logo.width, PREVIEW_BOX.height / logo.height);
  return { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) };
}

/**
 * The organisation's branding: the consultant firm's name and logo that its reports carry. One
 * page with the form, the stored logo served for its preview, and the form's post (multipart,
 * read by the route itself: see brandingForm.ts). Every route goes through `guard` first.
 */
export function brandingRoutes(deps: BrandingRoutesDependencies): Router {
  const { repository, t, guard, organisationIdOf } = deps;
  const router = Router();

  function render(res: Response, branding: OrganisationBranding | undefined, page: PageState = {}): void {
    const errors = page.errors ?? [];
    res.status(page.status ?? 200).render('pages/branding', {
      title: t('branding.title'),
      action: BRANDING_PATH,
      fields: BRANDING_FIELDS,
      removeAction: REMOVE_LOGO_ACTION,
      firmName: page.typedFirmName ?? branding?.firmName ?? '',
      firmNameMax: FIRM_NAME_MAX_LENGTH,
      logoMaxSize: LOGO_MAX_SIZE_TEXT,
      logo: branding?.logo ? { src: LOGO_PATH, ...previewSize(branding.logo) } : undefined,
      errors,
      errorSummary: errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
      errorOf: (field: string) => errors.find((error) => error.field === field)?.message,
      notice: page.notice,
    });
  }

  async function showAgain(req: Request, res: Response, page: PageState): Promise<void> {
    render(res, await repository.getBranding(organisationIdOf(res)), { typedFirmName: typedFirmName(req), ...page });
  }

  router.get(BRANDING_PATH, guard, async (req, res) => {
    const notice = req.query.saved === '1' ? 'saved' : req.query.removed === '1' ? 'logoRemoved' : undefined;
    render(res, await repository.getBranding(organisationIdOf(res)), notice ? { notice } : {});
  });

  router.get(LOGO_PATH, guard, async (_req, res) => {
    const logo = (await repository.getBranding(organisationIdOf(res)))?.logo;
    if (!logo) {
      res.status(404).render('pages/error', { status: 404 });
      return;
    }
    res.type('image/png').send(logo.png);
  });

  router.post(BRANDING_PATH, guard, async (req: Request, res: Response, next: NextFunction) => {
    const refused = await readMultipartBody(req, res);
    if (refused) {
      // Nothing is saved, so the form token need not be checked first: the form comes back as typed.
      const problem = uploadProblemOf(refused, t);
      await showAgain(req, res, { status: problem.status, errors: [problem.error] });
      return;
    }
    if (!isCsrfValid(req, res)) {
      next(new CsrfTokenError());
      return;
    }
    const organisationId = organisationIdOf(res);
    const now = new Date().toISOString();

    if (isRemoveLogo(req)) {
      try {
        await repository.removeLogo(organisationId, now);
      } catch (error) {
        const failure = storageFailureOrThrow(error, req, res);
        await showAgain(req, res, { status: failure.status, notice: 'notSaved' });
        return;
      }
      res.redirect(303, `${BRANDING_PATH}?removed=1`);
      return;
    }

    const name = await readFirmName(req, t);
    const logo = req.file ? await prepareLogo(req.file.buffer) : undefined;
    if (!name.ok || logo?.ok === false) {
      const errors = name.ok ? [] : [name.error];
      if (logo?.ok === false) {
        req.log.info({ reason: logo.reason, detail: logo.message, bytes: req.file?.size }, 'logo refused');
        errors.push({ field: BRANDING_FIELDS.logo, href: BRANDING_FIELDS.logo, message: logoRefusalMessage(logo.reason, t) });
      }
      await showAgain(req, res, { status: 400, errors });
      return;
    }

    try {
      if (logo) await repository.saveLogo(organisationId, name.firmName, { png: logo.png, width: logo.width, height: logo.height }, now);
      else await repository.saveFirmName(organisationId, name.firmName, now);
    } catch (error) {
      const failure = storageFailureOrThrow(error, req, res);
      await showAgain(req, res, { status: failure.status, notice: 'notSaved' });
      return;
    }
    res.redirect(303, `${BRANDING_PATH}?saved=1`);
  });

  return router;
}
