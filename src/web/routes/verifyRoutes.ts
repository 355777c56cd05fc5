import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { AuditLog } from '../../audit/auditLog.js';
import type { Translate } from '../../i18n/catalogue.js';
import { genuineIssueView, type GenuineIssueView } from '../../presenters/verifyPage.js';
import type { VerificationService } from '../../services/verificationService.js';
import { auditFrom } from '../auditContext.js';
import type { FieldError } from '../forms/fields.js';
import { multipartRefusalOf } from '../forms/multipart.js';
import { readVerifyBody, readVerifyForm, typedSha256, VERIFY_FIELDS, VERIFY_MAX_SIZE_TEXT, verifyUploadProblem } from '../forms/verifyForm.js';
import { CsrfTokenError, isCsrfValid } from '../middleware/csrf.js';
import { VERIFY_PATH } from '../middleware/webSecurity.js';

export interface VerifyRoutesDependencies {
  verification: VerificationService;
  auditLog: AuditLog;
  t: Translate;
  /** Per-address limit on checks, taken before the upload is read. */
  throttle: RequestHandler;
}

interface PageState {
  status?: number;
  /** The answer to a check: the issue it matched, or that it matched none. */
  /** checkedSha256: the hash that was looked up (of the upload, or as pasted), shown so a printout names the file. */
  result?: ({ kind: 'issued'; issue: GenuineIssueView } | { kind: 'notIssued' }) & { checkedSha256: string };
  /** The SHA-256 as typed, when the form is shown again. */
  typedSha256?: string;
  errors?: FieldError[];
}

/**
 * "Is this PDF genuine?", for anyone, signed in or not: upload a PDF or paste its SHA-256 and
 * learn whether it matches an issued report, and if so its number, revision, issue date and
 * issuer, and nothing else. The file is read into memory, hashed and dropped: never stored, never
 * logged. A match is recorded in the issuing firm's audit log; a non-match stores nothing (only a
 * log line without the hash), so strangers cannot grow the database by checking files.
 */
export function verifyRoutes(deps: VerifyRoutesDependencies): Router {
  const { verification, auditLog, t, throttle } = deps;
  const router = Router();

  function render(res: Response, page: PageState = {}): void {
    const errors = page.errors ?? [];
    res.status(page.status ?? 200).render('pages/verify', {
      title: errors.length > 0 ? `${t('ui.errorTitlePrefix')} ${t('verify.title')}` : t('verify.title'),
      action: VERIFY_PATH,
      fields: VERIFY_FIELDS,
      maxSize: VERIFY_MAX_SIZE_TEXT,
      sha256: page.typedSha256 ?? '',
      result: page.result,
      errorSummary: errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
      errorOf: (field: string) => errors.find((error) => error.field === field)?.message,
    });
  }

  router.get(VERIFY_PATH, (_req, res) => {
    render(res);
  });

  router.post(VERIFY_PATH, throttle, async (req: Request, res: Response, next: NextFunction) => {
    if (req.is('multipart/form-data')) {
      const refused = await readVerifyBody(req, res);
      if (refused) {
        // Nothing is looked up or stored, so the form token need not be checked first.
        req.log.info({ reason: multipartRefusalOf(refused).kind }, 'verify: upload refused');
        render(res, { ...verifyUploadProblem(refused, t), typedSha256: typedSha256(req) });
        return;
      }
    }
    if (!isCsrfValid(req, res)) {
      next(new CsrfTokenError());
      return;
    }
    const form = await readVerifyForm(req, t);
    // The bytes are not needed past their hash: drop them now rather than with the request.
    req.file = undefined;
    if (!form.ok) {
      render(res, { status: form.status, errors: form.errors, typedSha256: typedSha256(req) });
      return;
    }
    const issue = await verification.issueWithSha256(form.input.sha256);
    if (!issue) {
      req.log.info({ method: form.input.method, bytes: form.input.bytes }, 'verify: no issued report matches');
      render(res, { result: { kind: 'notIssued', checkedSha256: form.input.sha256 } });
      return;
    }
    // In the issuing firm's log (none for a self-assessment); a failed write is a 503, not an answer.
    await auditLog.record({
      ...auditFrom(req, res),
      organisationId: issue.organisationId,
      event: 'report.verified',
      subject: issue.reportNumber,
      detail: { revision: issue.revision, method: form.input.method },
    });
    render(res, { result: { kind: 'issued', issue: genuineIssueView(issue, t), checkedSha256: form.input.sha256 } });
  });

  return router;
}
