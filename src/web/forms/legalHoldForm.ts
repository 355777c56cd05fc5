import type { Request } from 'express';
import { body } from 'express-validator';
import type { Translate } from '../../i18n/catalogue.js';
import { characterCount } from './fields.js';
import { readSimpleForm, type SimpleFormResult } from './simpleForm.js';

export const LEGAL_HOLD_FIELDS = ['reason'] as const;

/** The database's limit on a hold's reason (legal_holds_reason_length), in characters. */
export const HOLD_REASON_MAX = 1000;

/** The legal hold form: why the report must be kept, 1 to HOLD_REASON_MAX characters once trimmed. */
export function readLegalHoldForm(req: Request, t: Translate): Promise<SimpleFormResult<{ reason: string }>> {
  const reason = body('reason')
    .isString()
    .withMessage(t('archive.hold.error.reason'))
    .bail()
    .trim()
    .notEmpty()
    .withMessage(t('archive.hold.error.reason'))
    .bail()
    // Counted as the databases count (code points), so the form never passes what the store refuses.
    .custom((value: string) => characterCount(value) <= HOLD_REASON_MAX)
    .withMessage(t('archive.hold.error.tooLong', { max: HOLD_REASON_MAX }));
  return readSimpleForm<{ reason: string }>(req, LEGAL_HOLD_FIELDS, [reason]);
}
