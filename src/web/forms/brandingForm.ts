import type { Request, Response } from 'express';
import { body, matchedData, validationResult } from 'express-validator';
import multer from 'multer';
import { FIRM_NAME_MAX_LENGTH } from '../../branding/branding.js';
import { LOGO_MAX_BYTES, LOGO_MAX_INPUT_PIXELS, type LogoRefusalReason } from '../../branding/logoImage.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { FieldError } from './fields.js';
import { multipartReader, multipartRefusalOf, typedField } from './multipart.js';

/**
 * The branding form: a firm name and, optionally, a logo file, posted as multipart/form-data and
 * read here by multer into memory within tight limits. Anything multer refuses (a file too large,
 * two files, a field it does not expect, a body it cannot read) becomes an error on the form,
 * never an error page.
 */

export const BRANDING_FIELDS = { firmName: 'firmName', logo: 'logo', action: 'action' } as const;

/** The one other thing the form posts: the "remove logo" button. */
export const REMOVE_LOGO_ACTION = 'removeLogo';

const upload = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: LOGO_MAX_BYTES,
    files: 1,
    // _csrf, firmName, action: a few more are refused rather than read.
    fields: 4,
    parts: 5,
    fieldNameSize: 32,
    // A firm name of FIRM_NAME_MAX_LENGTH characters is at most 4 bytes each in UTF-8.
    fieldSize: 2 * 1024,
    headerPairs: 20,
  },
}).single(BRANDING_FIELDS.logo);

/** Reads the multipart body into `req.body` and `req.file`; resolves with what multer or busboy refused, if anything. */
export const readMultipartBody: (req: Request, res: Response) => Promise<unknown> = multipartReader(upload);

export interface UploadProblem {
  status: 400 | 413;
  error: FieldError;
}

function fieldError(field: string, message: string): FieldError {
  return { field, href: field, message };
}

/** What to tell the user about a body multer or busboy refused. */
export function uploadProblemOf(error: unknown, t: Translate): UploadProblem {
  const { firmName, logo } = BRANDING_FIELDS;
  const refusal = multipartRefusalOf(error);
  switch (refusal.kind) {
    case 'fileTooLarge':
      return { status: 413, error: fieldError(logo, logoRefusalMessage('tooLarge', t)) };
    case 'wrongFiles':
      return { status: 400, error: fieldError(logo, t('branding.logo.oneFile')) };
    case 'fieldTooLong':
      if (refusal.field === firmName) return { status: 400, error: fieldError(firmName, t('error.tooLong', { max: FIRM_NAME_MAX_LENGTH })) };
      break;
    default:
      break;
  }
  return { status: 400, error: fieldError(firmName, t('branding.form.unreadable')) };
}

/** The largest logo file, in words. */
export const LOGO_MAX_SIZE_TEXT = `${LOGO_MAX_BYTES / 1024} kB`;

/** The user's words for why a logo was refused (prepareLogo's reasons). */
export function logoRefusalMessage(reason: LogoRefusalReason, t: Translate): string {
  const params = { size: LOGO_MAX_SIZE_TEXT, pixels: Math.sqrt(LOGO_MAX_INPUT_PIXELS) };
  return t(`branding.logo.refused.${reason}`, params);
}

/** The firm name as typed (to show again), whatever else is wrong with the post. */
export function typedFirmName(req: Request): string {
  return typedField(req, BRANDING_FIELDS.firmName);
}

export type FirmNameResult = { ok: true; firmName: string } | { ok: false; error: FieldError };

/** Validates the firm name: required, one value, no control characters, at most FIRM_NAME_MAX_LENGTH characters (as the database counts them). */
export async function readFirmName(req: Request, t: Translate): Promise<FirmNameResult> {
  await body(BRANDING_FIELDS.firmName)
    .isString()
    .withMessage(t('error.oneAnswer'))
    .bail()
    .stripLow()
    .trim()
    .notEmpty()
    .withMessage(t('branding.firmName.required'))
    .bail()
    .custom((name: string) => Array.from(name).length <= FIRM_NAME_MAX_LENGTH)
    .withMessage(t('error.tooLong', { max: FIRM_NAME_MAX_LENGTH }))
    .run(req);
  const [first] = validationResult(req).array({ onlyFirstError: true });
  if (first) return { ok: false, error: fieldError(BRANDING_FIELDS.firmName, String(first.msg)) };
  const data = matchedData(req, { locations: ['body'] });
  return { ok: true, firmName: String(data[BRANDING_FIELDS.firmName]) };
}

/** Whether the post is the "remove logo" button. */
export function isRemoveLogo(req: Request): boolean {
  return (req.body as Record<string, unknown> | undefined)?.[BRANDING_FIELDS.action] === REMOVE_LOGO_ACTION;
}
