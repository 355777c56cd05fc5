import type { Request, RequestHandler, Response } from 'express';
import { MulterError } from 'multer';

/**
 * The pieces every multipart form shares (the logo upload, the verify page's PDF): multer reads
 * the body into memory within the form's own limits, and whatever multer or busboy refuses
 * comes back as a value, never as an error page, so the form can be shown again with why.
 */

/** Reads the multipart body into `req.body` and `req.file` with `upload`; resolves with what multer or busboy refused, if anything. */
export function multipartReader(upload: RequestHandler): (req: Request, res: Response) => Promise<unknown> {
  return (req, res) =>
    new Promise((resolve) => {
      void upload(req, res, (error: unknown) => resolve(error));
    });
}

/** Why multer or busboy refused a body, in the terms a form explains it in. */
export type MultipartRefusal =
  | { kind: 'fileTooLarge' }
  /** More than one file, or a file under a name the form has no file field for. */
  | { kind: 'wrongFiles' }
  | { kind: 'fieldTooLong'; field: string }
  /** Too many parts or fields, a field name too long, a body cut short or malformed. */
  | { kind: 'unreadable' };

export function multipartRefusalOf(error: unknown): MultipartRefusal {
  if (error instanceof MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return { kind: 'fileTooLarge' };
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return { kind: 'wrongFiles' };
      case 'LIMIT_FIELD_VALUE':
        if (error.field) return { kind: 'fieldTooLong', field: error.field };
        break;
      default:
        break;
    }
  }
  return { kind: 'unreadable' };
}

/** A form field sent once, as text (what multer put in `req.body`); '' otherwise. */
export function typedField(req: Request, field: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : '';
}
