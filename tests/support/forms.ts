import type { Response } from 'supertest';
import type { Question, Questionnaire, Section } from '../../src/questionnaire/types.js';

export function csrfTokenFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('No CSRF token in page');
  return match[1];
}

/** The hidden fields a question page carries (CSRF token and section revision), as a browser sends them. */
export function hiddenFieldsFrom(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    if (match[1] !== undefined && match[2] !== undefined) fields[match[1]] = match[2];
  }
  return fields;
}

export function resumeLinkFrom(html: string): string {
  const match = /href="(https?:\/\/[^"]+\/resume\/[A-Za-z0-9_-]+)"/.exec(html);
  if (!match?.[1]) throw new Error('No resume link in page');
  return match[1];
}

export function pathOf(url: string): string {
  return new URL(url, 'http://localhost').pathname;
}

export function locationOf(response: Response): string {
  const location = response.headers.location;
  if (typeof location !== 'string') throw new Error(`Expected a redirect, got ${response.status}`);
  return location;
}

/** A valid answer for a question: the first option, or text that passes its format. */
export function sampleAnswer(question: Question, text = 'Sample answer'): string | string[] {
  if (question.type === 'radio') return question.options?.[0]?.value ?? '';
  if (question.type === 'checkboxes') {
    const first = question.options?.find((o) => !o.exclusive) ?? question.options?.[0];
    return first ? [first.value] : [];
  }
  if (question.type === 'tel') return '+995 32 200 00 00';
  if (question.type === 'email') return 'crisis@example.com';
  return text;
}

export function sectionOf(questionnaire: Questionnaire, sectionId: string): Section {
  const section = questionnaire.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`No section ${sectionId}`);
  return section;
}

/** URL-encodes a form the way a browser does: a repeated name for each checked checkbox. */
export function formBody(fields: Readonly<Record<string, string | readonly string[]>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of typeof value === 'string' ? [value] : value) params.append(name, item);
  }
  return params.toString();
}

/** The values a browser would send from the action plan form as shown: text and date inputs, and each select's chosen option. */
export function actionPlanFormFrom(html: string): Record<string, string> {
  const fields: Record<string, string> = { _csrf: csrfTokenFrom(html) };
  for (const match of html.matchAll(/<input class="input[^"]*" id="[^"]+" name="([^"]+)" type="(?:text|date)" value="([^"]*)"/g)) {
    fields[match[1] ?? ''] = match[2] ?? '';
  }
  for (const match of html.matchAll(/<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields[match[1] ?? ''] = /<option value="([^"]+)" selected>/.exec(match[2] ?? '')?.[1] ?? '';
  }
  return fields;
}
