import type { Translate } from '../i18n/catalogue.js';
import { formatDate } from '../report/model/context.js';
import type { ClientPage } from '../repositories/clientRepository.js';
import type { AssessmentListPage } from '../repositories/practiceRepository.js';
import { PAGE_SIZE } from '../services/practiceService.js';
import { ASSESSMENT_STATUSES, BANDS, type ListQuery } from '../web/forms/listQuery.js';
import { CLIENT_COUNTRIES } from '../web/forms/clientForm.js';
import type { FieldError, FormValues } from '../web/forms/fields.js';
import type { AssessmentAccess } from '../web/routes/assessmentContext.js';
import { compareHref } from './comparisonPage.js';

export interface PagingView {
  /** "21 to 40 of 57", or undefined when there is nothing. */
  summary?: string;
  previous?: string;
  next?: string;
}

interface Option {
  value: string;
  label: string;
  selected: boolean;
}

/** The links to the pages before and after, keeping every other parameter of the list. */
export function pagingView(total: number, page: number, path: string, params: Readonly<Record<string, string>>, t: Translate): PagingView {
  const hrefFor = (target: number) => {
    const query = new URLSearchParams({ ...params, ...(target > 1 ? { page: String(target) } : {}) }).toString();
    return query ? `${path}?${query}` : path;
  };
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  return {
    ...(total > 0 && first <= total ? { summary: t('practice.paging.summary', { first, last, total }) } : {}),
    ...(page > 1 ? { previous: hrefFor(Math.min(page - 1, Math.max(1, Math.ceil(total / PAGE_SIZE)))) } : {}),
    ...(last < total ? { next: hrefFor(page + 1) } : {}),
  };
}

function options(values: readonly string[], selected: string | undefined, label: (value: string) => string, anyLabel?: string): Option[] {
  return [...(anyLabel === undefined ? [] : [{ value: '', label: anyLabel, selected: !selected }]), ...values.map((value) => ({ value, label: label(value), selected: value === selected }))];
}

export function countryLabel(country: string, t: Translate): string {
  return t(`practice.country.${country}`);
}

export function clientListView(found: ClientPage, query: { search?: string; page: number }, access: AssessmentAccess, t: Translate) {
  return {
    search: query.search ?? '',
    canAdd: access === 'edit',
    rows: found.clients.map((client) => ({
      href: `/clients/${client.id}`,
      name: client.name,
      country: countryLabel(client.country, t),
      sector: client.sector ?? '',
      contact: [client.contactName, client.contactEmail, client.contactPhone].filter(Boolean).join(', '),
    })),
    paging: pagingView(found.total, query.page, '/clients', query.search ? { q: query.search } : {}, t),
    empty: found.total === 0 ? t(query.search ? 'practice.clients.noMatch' : 'practice.clients.none') : undefined,
  };
}

export function clientFormView(page: { clientId?: string; values: FormValues; errors: readonly FieldError[]; notSaved?: boolean }, t: Translate) {
  const errorFor = new Map(page.errors.map((error) => [error.field, error.message]));
  const value = (field: string) => {
    const typed = page.values[field];
    return typeof typed === 'string' ? typed : '';
  };
  // The shape views/partials/textField.ejs prints: the input's id is also its name.
  const field = (id: string, options: { type?: string; autocomplete?: string; optional?: boolean } = {}) => ({
    id,
    label: t(`practice.client.field.${id}`) + (options.optional ? ` ${t('ui.optional')}` : ''),
    value: value(id),
    type: options.type ?? 'text',
    autocomplete: options.autocomplete ?? 'off',
    error: errorFor.get(id),
  });
  const heading = t(page.clientId ? 'practice.client.editTitle' : 'practice.client.newTitle');
  return {
    title: page.errors.length > 0 || page.notSaved ? `${t('ui.errorTitlePrefix')} ${heading}` : heading,
    heading,
    action: page.clientId ? `/clients/${page.clientId}` : '/clients',
    cancel: page.clientId ? `/clients/${page.clientId}` : '/clients',
    notSaved: page.notSaved === true,
    errorSummary: page.errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
    name: field('name', { autocomplete: 'organization' }),
    country: {
      name: 'country',
      legend: t('practice.client.field.country'),
      error: errorFor.get('country'),
      options: options(CLIENT_COUNTRIES, value('country'), (country) => countryLabel(country, t)),
    },
    sector: field('sector', { optional: true }),
    contactName: field('contactName', { optional: true, autocomplete: 'name' }),
    contactEmail: field('contactEmail', { optional: true, type: 'email', autocomplete: 'email' }),
    contactPhone: field('contactPhone', { optional: true, type: 'tel', autocomplete: 'tel' }),
  };
}

/** An assessment list (the firm's, or one client's) with its filter form when it has one. */
export function assessmentListView(
  found: AssessmentListPage,
  query: ListQuery,
  path: string,
  t: Translate,
  form: { typed: FormValues; errors: readonly FieldError[] } = { typed: {}, errors: [] },
) {
  const typed = (field: string) => {
    const value = form.typed[field];
    return typeof value === 'string' ? value : '';
  };
  const errorFor = new Map(form.errors.map((error) => [error.field, error.message]));
  const params = Object.fromEntries(['q', 'status', 'band', 'from', 'to'].flatMap((field) => (typed(field) ? [[field, typed(field)]] : [])));
  return {
    errorSummary: form.errors.map((error) => ({ href: `#${error.href}`, text: error.message })),
    filter: {
      q: typed('q'),
      from: { value: typed('from'), error: errorFor.get('from') },
      to: { value: typed('to'), error: errorFor.get('to') },
      status: { error: errorFor.get('status'), options: options(ASSESSMENT_STATUSES, typed('status'), (status) => t(`practice.status.${status}`), t('practice.filter.any')) },
      band: { error: errorFor.get('band'), options: options(BANDS, typed('band'), (band) => t(`band.${band}`), t('practice.filter.any')) },
      active: Object.keys(params).length > 0,
    },
    rows: found.rows.map((row) => ({
      href: `/assessments/${row.id}`,
      clientHref: `/clients/${row.clientId}`,
      clientName: row.clientName,
      started: formatDate(new Date(row.createdAt)),
      changed: formatDate(new Date(row.updatedAt)),
      status: t(`practice.status.${row.status}`),
      band: row.band,
      bandLabel: row.band ? t(`band.${row.band}`) : t('practice.band.notYet'),
      by: row.createdByName ?? '',
      reassessment: row.previousAssessmentId !== undefined,
      ...(row.previousAssessmentId ? { compareHref: compareHref(row.clientId, row.previousAssessmentId, row.id) } : {}),
    })),
    paging: pagingView(found.total, query.page, path, params, t),
    total: found.total,
    empty: found.total === 0 ? t(Object.keys(params).length > 0 ? 'practice.assessments.noMatch' : 'practice.assessments.none') : undefined,
  };
}
