import type { Request } from 'express';
import { body } from 'express-validator';
import { SHARE_LINK_DAYS_MAX } from '../../config.js';
import type { Translate } from '../../i18n/catalogue.js';
import { readSimpleForm, type SimpleFormResult } from './simpleForm.js';

export const SHARE_LINK_FIELDS = ['days'] as const;

/** The share form: how many days the link works, a whole number from 1 to SHARE_LINK_DAYS_MAX. */
export async function readShareLinkForm(req: Request, t: Translate): Promise<SimpleFormResult<{ days: number }>> {
  const message = t('sharing.form.error.days', { max: SHARE_LINK_DAYS_MAX });
  const days = body('days')
    .isString()
    .withMessage(message)
    .bail()
    .trim()
    // Digits only: isInt alone would take "+30" or "0x1E".
    .matches(/^\d{1,3}$/)
    .withMessage(message)
    .bail()
    .isInt({ min: 1, max: SHARE_LINK_DAYS_MAX })
    .withMessage(message);
  // Converted here, not by a sanitizer: a refused form shows the value again as it was typed.
  const result = await readSimpleForm<{ days: string }>(req, SHARE_LINK_FIELDS, [days]);
  return result.ok ? { ok: true, data: { days: Number(result.data.days) } } : result;
}
