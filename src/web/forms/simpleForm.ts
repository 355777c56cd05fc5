import type { Request } from 'express';
import { matchedData, validationResult, type ValidationChain } from 'express-validator';
import type { FieldError, FormValues } from './fields.js';

export type SimpleFormResult<Data> = { ok: true; data: Data } | { ok: false; errors: FieldError[]; values: FormValues };

/** What the user typed into the named fields, as typed (a repeated field shows its first value). */
export function typedValues(req: Request, fields: readonly string[]): FormValues {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = body[field];
    const first = Array.isArray(value) ? (value as unknown[])[0] : value;
    if (typeof first === 'string') values[field] = first;
  }
  return values;
}

/**
 * Runs the chains of a form of plain text fields (each field's input has the field's name as its
 * id, which is where the error summary links). On success, the validated values only; on failure,
 * the first error of each field and what was typed, to show the form again.
 */
export async function readSimpleForm<Data>(req: Request, fields: readonly string[], chains: readonly ValidationChain[]): Promise<SimpleFormResult<Data>> {
  for (const chain of chains) await chain.run(req);
  const result = validationResult(req);
  if (!result.isEmpty()) {
    const errors = result
      .array({ onlyFirstError: true })
      .flatMap((error) => (error.type === 'field' ? [{ field: error.path, href: error.path, message: String(error.msg) }] : []));
    return { ok: false, errors, values: typedValues(req, fields) };
  }
  return { ok: true, data: matchedData(req, { locations: ['body'] }) as Data };
}
