import type { Request, Response } from 'express';
import multer from 'multer';
import type { Translate } from '../../i18n/catalogue.js';
import { checkUpload, normalisedSha256, sha256Of } from '../../services/verificationService.js';
import type { FieldError } from './fields.js';
import { multipartReader, multipartRefusalOf, typedField } from './multipart.js';

/**
 * The verify page's form: a PDF file or a pasted SHA-256, posted as multipart/form-data (read
 * here by multer into memory within tight limits) or, for a pasted SHA-256 alone, as an ordinary
 * form. Whatever cannot be used becomes an error on the form, never an error page.
 */

export const VERIFY_FIELDS = { pdf: 'pdf', sha256: 'sha256' } as const;

/** The largest PDF accepted. Issued reports are far smaller; a file this large is not one of them. */
export const VERIFY_MAX_BYTES = 10 * 1024 * 1024;
export const VERIFY_MAX_SIZE_TEXT = '10 MB';

/** A pasted SHA-256 is 64 characters; room for spaces around it, and no more. */
const SHA256_FIELD_MAX_BYTES = 256;

const upload = multer({
  storage: multer.memoryStorage(),
  limits: {
    fileSize: VERIFY_MAX_BYTES,
    files: 1,
    // _csrf and sha256: one more is refused rather than read.
    fields: 3,
    parts: 4,
    fieldNameSize: 32,
    fieldSize: SHA256_FIELD_MAX_BYTES,
    headerPairs: 20,
  },
}).single(VERIFY_FIELDS.pdf);

/** Reads the multipart body into `req.body` and `req.file`; resolves with what multer or busboy refused, if anything. */
export const readVerifyBody: (req: Request, res: Response) => Promise<unknown> = multipartReader(upload);

/** What is checked: the SHA-256 (in the register's form) and whether it came from a file or was pasted. */
export interface VerifyInput {
  sha256: string;
  method: 'file' | 'sha256';
  /** The upload's size, for the log line (never its name, its bytes or its hash). */
  bytes?: number;
}

export interface VerifyFormProblem {
  status: 400 | 413;
  errors: FieldError[];
}

export type VerifyFormResult = { ok: true; input: VerifyInput } | ({ ok: false } & VerifyFormProblem);

function problem(field: string, message: string, status: 400 | 413 = 400): { ok: false } & VerifyFormProblem {
  return { ok: false, status, errors: [{ field, href: field, message }] };
}

/** What to tell the user about a body multer or busboy refused. */
export function verifyUploadProblem(error: unknown, t: Translate): VerifyFormProblem {
  const refusal = multipartRefusalOf(error);
  switch (refusal.kind) {
    case 'fileTooLarge':
      return problem(VERIFY_FIELDS.pdf, t('verify.error.tooLarge', { size: VERIFY_MAX_SIZE_TEXT }), 413);
    case 'wrongFiles':
      return problem(VERIFY_FIELDS.pdf, t('verify.error.oneFile'));
    case 'fieldTooLong':
      if (refusal.field === VERIFY_FIELDS.sha256) return problem(VERIFY_FIELDS.sha256, t('verify.error.sha256'));
      break;
    default:
      break;
  }
  return problem(VERIFY_FIELDS.pdf, t('verify.error.unreadable'));
}

/** The SHA-256 as typed (to show again), whatever else is wrong with the post. */
export function typedSha256(req: Request): string {
  return typedField(req, VERIFY_FIELDS.sha256);
}

/**
 * The SHA-256 to look up: of the uploaded PDF's bytes, or as pasted. A file must be a PDF by its
 * content; a pasted value must be 64 hex digits. One or the other, not both.
 */
export async function readVerifyForm(req: Request, t: Translate): Promise<VerifyFormResult> {
  const pasted = typedSha256(req).trim();
  const file = req.file;
  if (file && pasted !== '') return problem(VERIFY_FIELDS.pdf, t('verify.error.both'));
  if (file) {
    const check = await checkUpload(file.buffer);
    if (check === 'empty') return problem(VERIFY_FIELDS.pdf, t('verify.error.empty'));
    if (check === 'notPdf') return problem(VERIFY_FIELDS.pdf, t('verify.error.notPdf'));
    return { ok: true, input: { sha256: sha256Of(file.buffer), method: 'file', bytes: file.size } };
  }
  if (pasted === '') return problem(VERIFY_FIELDS.pdf, t('verify.error.nothing'));
  const sha256 = normalisedSha256(pasted);
  if (!sha256) return problem(VERIFY_FIELDS.sha256, t('verify.error.sha256'));
  return { ok: true, input: { sha256, method: 'sha256' } };
}
