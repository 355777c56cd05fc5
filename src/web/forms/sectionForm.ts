import type { Request } from 'express';
import { body, matchedData, validationResult, type ValidationChain } from 'express-validator';
import type { Translate } from '../../i18n/catalogue.js';
import type { Question, StoredAnswer } from '../../questionnaire/types.js';
import { noteField, type FieldError, type FormValues } from './fields.js';

export const NOTE_MAX_LENGTH = 1000;
export const DEFAULT_TEXT_MAX = 200;
const PHONE_PATTERN = /^[0-9+()\-\s./]*$/;

export type SaveIntent = 'continue' | 'later';

export { noteField, optionInputId, type FieldError, type FormValues } from './fields.js';

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

function checkboxChain(question: Question, required: boolean, t: Translate): ValidationChain {
  const allowed = new Set((question.options ?? []).map((o) => o.value));
  const exclusive = new Set((question.options ?? []).filter((o) => o.exclusive).map((o) => o.value));
  return body(question.id)
    .customSanitizer(asArray)
    .custom((values: unknown[]) => !required || values.length > 0)
    .withMessage(t('error.required.choice'))
    .bail()
    .custom((values: unknown[]) => values.every((v) => typeof v === 'string' && allowed.has(v)))
    .withMessage(t('error.invalidOption'))
    .bail()
    .custom((values: string[]) => values.length <= 1 || !values.some((v) => exclusive.has(v)))
    .withMessage(t('error.exclusiveOption'));
}

function singleValueChain(question: Question, required: boolean, t: Translate): ValidationChain {
  const isChoice = question.type === 'radio';
  const start = body(question.id);
  const presence = required
    ? start.exists({ values: 'falsy' }).withMessage(t(isChoice ? 'error.required.choice' : 'error.required.text')).bail()
    : start.optional({ values: 'falsy' });
  // A field sent twice arrives as an array: refuse it rather than pick one silently. Control
  // characters (NUL and the like) are invisible to the user and break PDF text and PostgreSQL.
  const chain = presence
    .isString()
    .withMessage(t('error.oneAnswer'))
    .bail()
    .stripLow(question.type === 'textarea')
    .trim();
  if (isChoice) {
    return chain.isIn((question.options ?? []).map((o) => o.value)).withMessage(t('error.invalidOption'));
  }
  const max = question.maxLength ?? DEFAULT_TEXT_MAX;
  const limited = chain.isLength({ max }).withMessage(t('error.tooLong', { max })).bail();
  if (question.type === 'tel') return limited.matches(PHONE_PATTERN).withMessage(t('error.phone'));
  if (question.type === 'email') return limited.optional({ values: 'falsy' }).isEmail().withMessage(t('error.email'));
  return limited;
}

function noteChain(question: Question, t: Translate): ValidationChain {
  return body(noteField(question.id))
    .optional({ values: 'falsy' })
    .isString()
    .withMessage(t('error.oneAnswer'))
    .bail()
    .stripLow(true)
    .trim()
    .isLength({ max: NOTE_MAX_LENGTH })
    .withMessage(t('error.tooLong', { max: NOTE_MAX_LENGTH }));
}

/**
 * Both questions offer slices of one ordered scale (a recovery time target and a tolerable
 * outage), so their options together give the scale's order.
 */
function scaleOrder(question: Question, other: Question): string[] {
  const values = [...(question.options ?? []), ...(other.options ?? [])].map((o) => o.value);
  return [...new Set(values)];
}

/** A choice that must come before another question's answer on their shared scale. */
function shorterThanChain(question: Question, other: Question, t: Translate): ValidationChain {
  const order = scaleOrder(question, other);
  return body(question.id)
    .optional({ values: 'falsy' })
    .custom((value: unknown, { req }) => {
      const limit: unknown = (req.body as Record<string, unknown> | undefined)?.[other.id];
      if (typeof value !== 'string' || typeof limit !== 'string' || !order.includes(limit)) return true;
      return order.indexOf(value) < order.indexOf(limit);
    })
    .withMessage(t('error.shorterThan'));
}

/**
 * Validation built from the section's data: only the questions shown are read, and anything
 * else in the body is ignored. "Save and come back later" skips the required checks so a half
 * done section can be kept; everything else (length, options, format) is always checked.
 */
export function sectionChains(questions: readonly Question[], intent: SaveIntent, t: Translate): ValidationChain[] {
  return questions.flatMap((question) => {
    const required = intent === 'continue' && question.required;
    const answerChain = question.type === 'checkboxes' ? checkboxChain(question, required, t) : singleValueChain(question, required, t);
    const limit = questions.find((other) => other.id === question.shorterThan);
    const chains = limit ? [answerChain, shorterThanChain(question, limit, t)] : [answerChain];
    return question.allowNote ? [...chains, noteChain(question, t)] : chains;
  });
}

export function typedFormValues(req: Request, questions: readonly Question[]): FormValues {
  const raw = (req.body ?? {}) as Record<string, unknown>;
  const values: Record<string, string | string[]> = {};
  const fields = questions.flatMap((q) => (q.allowNote ? [q.id, noteField(q.id)] : [q.id]));
  for (const field of fields) {
    const value = raw[field];
    if (typeof value === 'string') values[field] = value;
    else if (Array.isArray(value)) values[field] = value.filter((v): v is string => typeof v === 'string');
  }
  return values;
}

function toAnswers(data: Record<string, unknown>, questions: readonly Question[]): Record<string, StoredAnswer> {
  const answers: Record<string, StoredAnswer> = {};
  for (const question of questions) {
    const value = data[question.id];
    const note = data[noteField(question.id)];
    const answerValue = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value : '';
    const hasValue = Array.isArray(answerValue) ? answerValue.length > 0 : answerValue !== '';
    const hasNote = typeof note === 'string' && note !== '';
    if (!hasValue && !hasNote) continue;
    answers[question.id] = hasNote ? { value: answerValue, note } : { value: answerValue };
  }
  return answers;
}

export type SectionFormResult =
  | { ok: true; answers: Record<string, StoredAnswer> }
  | { ok: false; errors: FieldError[]; values: FormValues };

/**
 * Chains are plain descriptions (each run keeps its state on the request), so the chains of one
 * set of shown questions are built once and reused: building them cost more than running them.
 * Keyed by translator, then by intent and the shown question ids; a questionnaire version's
 * questions never change, and a question id belongs to one version's sections only through its
 * Question object, which is part of the key too.
 */
const chainCache = new WeakMap<Translate, Map<string, { questions: readonly Question[]; chains: ValidationChain[] }[]>>();
/** Far more than the shown-question combinations of every section of every version. */
const MAX_CACHED_CHAIN_SETS = 2000;

function sameQuestions(a: readonly Question[], b: readonly Question[]): boolean {
  return a.length === b.length && a.every((question, index) => question === b[index]);
}

function cachedSectionChains(questions: readonly Question[], intent: SaveIntent, t: Translate): ValidationChain[] {
  let byKey = chainCache.get(t);
  if (!byKey) {
    byKey = new Map();
    chainCache.set(t, byKey);
  }
  const key = `${intent}\0${questions.map((question) => question.id).join('\0')}`;
  const candidates = byKey.get(key) ?? [];
  const hit = candidates.find((entry) => sameQuestions(entry.questions, questions));
  if (hit) return hit.chains;
  if (byKey.size >= MAX_CACHED_CHAIN_SETS) byKey.clear();
  const chains = sectionChains(questions, intent, t);
  byKey.set(key, [...candidates, { questions: [...questions], chains }]);
  return chains;
}

export async function readSectionForm(req: Request, questions: readonly Question[], intent: SaveIntent, t: Translate): Promise<SectionFormResult> {
  for (const chain of cachedSectionChains(questions, intent, t)) await chain.run(req);
  const result = validationResult(req);
  if (!result.isEmpty()) {
    const errors = result.array({ onlyFirstError: true }).flatMap((error) =>
      error.type === 'field' ? [{ field: error.path, href: error.path, message: String(error.msg) }] : [],
    );
    return { ok: false, errors, values: typedFormValues(req, questions) };
  }
  return { ok: true, answers: toAnswers(matchedData(req, { locations: ['body'], includeOptionals: true }), questions) };
}
