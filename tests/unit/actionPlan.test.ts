import { describe, expect, it } from 'vitest';
import { createTranslator, hasMessage } from '../../src/i18n/catalogue.js';
import type { Answers } from '../../src/questionnaire/types.js';
import type { Priority } from '../../src/scoring/types.js';
import {
  ACTION_STATUSES,
  DEFAULT_DUE_DAYS,
  defaultDueDate,
  dueDateRange,
  isWithin,
  mergeActionPlan,
  parseCalendarDate,
  type ActionPlanDefaults,
  type DueDays,
  type PlannedAction,
  type StoredActionPlanEntry,
} from '../../src/services/actionPlan.js';
import { defaultOwnerFor } from '../../src/services/defaultOwner.js';
import { actionPlanFieldName } from '../../src/web/forms/actionPlanForm.js';

const t = createTranslator('en');

describe('defaultDueDate', () => {
  it.each<[string, string, Priority, DueDays, string]>([
    ['a critical action is due 14 days on', '2026-12-02T16:18:32Z', 1, DEFAULT_DUE_DAYS, '2026-12-16'],
    ['a high priority action is due 30 days on, across the year end', '2026-12-02T10:00:00Z', 2, DEFAULT_DUE_DAYS, '2027-01-01'],
    ['a medium priority action is due 90 days on, across February', '2027-01-15T00:00:00Z', 3, DEFAULT_DUE_DAYS, '2027-04-15'],
    ['a low priority action is due 180 days on', '2026-12-02T00:00:00Z', 4, DEFAULT_DUE_DAYS, '2027-05-31'],
    ['a leap day counts', '2028-02-20T12:00:00Z', 1, DEFAULT_DUE_DAYS, '2028-03-05'],
    ['late evening UTC is still the same UTC day', '2026-12-02T23:59:59.999Z', 1, DEFAULT_DUE_DAYS, '2026-12-16'],
    ['an evening in Tbilisi (UTC+4) that is already the next day there counts by the UTC day', '2026-12-02T21:30:00Z', 1, DEFAULT_DUE_DAYS, '2026-12-16'],
    ['configured days are used by priority', '2026-12-02T08:00:00Z', 3, [7, 14, 21, 28], '2026-12-23'],
  ])('%s', (_case, assessedAt, priority, days, expected) => {
    expect(defaultDueDate(new Date(assessedAt), priority, days)).toBe(expected);
  });
});

describe('parseCalendarDate and dueDateRange', () => {
  it.each<[string, boolean]>([
    ['2027-03-31', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-04-31', false],
    ['2027-13-01', false],
    ['2027-00-10', false],
    ['2027-3-31', false],
    ['31/03/2027', false],
    ['2027-03-31T00:00', false],
    ['0099-01-01', false],
    ['', false],
  ])('%s is a real calendar date: %s', (text, real) => {
    expect(parseCalendarDate(text) !== undefined).toBe(real);
  });

  it.each<[string, string, string]>([
    ['2026-12-02T16:18:32Z', '2026-12-02', '2031-12-02'],
    ['2028-02-29T09:00:00Z', '2028-02-29', '2033-03-01'],
  ])('an assessment of %s accepts due dates from %s to %s', (assessedAt, earliest, latest) => {
    expect(dueDateRange(new Date(assessedAt))).toEqual({ earliest, latest });
  });

  it.each<[string, boolean]>([
    ['2026-12-01', false],
    ['2026-12-02', true],
    ['2031-12-02', true],
    ['2031-12-03', false],
  ])('%s is within five years of 2 December 2026: %s', (date, within) => {
    expect(isWithin(date, dueDateRange(new Date('2026-12-02T16:18:32Z')))).toBe(within);
  });
});

describe('mergeActionPlan', () => {
  const actions: PlannedAction[] = [
    { recommendationId: 'offline_backups', pillar: 'cybersecurity', priority: 1 },
    { recommendationId: 'find_out:risk_review', pillar: 'risk_assessment', priority: 3 },
  ];
  const defaults: ActionPlanDefaults = {
    assessmentDate: new Date('2026-12-02T16:18:32Z'),
    dueDays: DEFAULT_DUE_DAYS,
    ownerFor: (action) => (action.pillar === 'cybersecurity' ? 'IT lead' : 'Crisis lead'),
  };
  const allDefault = { ownerIsDefault: true, dueDateIsDefault: true, statusIsDefault: true };

  it.each<[string, StoredActionPlanEntry[], object[]]>([
    [
      'nothing stored: every value is the default',
      [],
      [
        { actionId: 'offline_backups', owner: 'IT lead', dueDate: '2026-12-16', status: 'to_do', ...allDefault },
        { actionId: 'find_out:risk_review', owner: 'Crisis lead', dueDate: '2027-03-02', status: 'to_do', ...allDefault },
      ],
    ],
    [
      'stored values win, value by value',
      [
        { actionId: 'offline_backups', owner: 'Giorgi', dueDate: null, status: 'in_progress' },
        { actionId: 'find_out:risk_review', owner: null, dueDate: '2027-01-10', status: null },
      ],
      [
        { actionId: 'offline_backups', owner: 'Giorgi', dueDate: '2026-12-16', status: 'in_progress', ownerIsDefault: false, dueDateIsDefault: true, statusIsDefault: false },
        { actionId: 'find_out:risk_review', owner: 'Crisis lead', dueDate: '2027-01-10', status: 'to_do', ownerIsDefault: true, dueDateIsDefault: false, statusIsDefault: true },
      ],
    ],
    [
      'entries for actions no longer recommended are left out',
      [{ actionId: 'retired_action', owner: 'Someone', dueDate: '2027-01-01', status: 'done' }],
      [
        { actionId: 'offline_backups', owner: 'IT lead', dueDate: '2026-12-16', status: 'to_do', ...allDefault },
        { actionId: 'find_out:risk_review', owner: 'Crisis lead', dueDate: '2027-03-02', status: 'to_do', ...allDefault },
      ],
    ],
  ])('%s', (_case, stored, expected) => {
    expect(mergeActionPlan(actions, stored, defaults)).toEqual(expected);
  });

  it('keeps the order of the actions it is given', () => {
    expect(mergeActionPlan([...actions].reverse(), [], defaults).map((entry) => entry.actionId)).toEqual(['find_out:risk_review', 'offline_backups']);
  });
});

describe('defaultOwnerFor', () => {
  const roles = { crisisLead: { name: 'crisis_lead_name', phone: 'crisis_lead_phone' }, itLead: { name: 'it_lead_name', phone: 'it_lead_phone' } };
  const named: Answers = { it_lead_name: { value: 'Nino Beridze' }, crisis_lead_name: { value: ' Rashad Aliyev ' } };
  it.each<[string, string, Answers, string]>([
    ['cybersecurity goes to the named IT lead', 'cybersecurity', named, 'IT lead (Nino Beridze)'],
    ['every other pillar goes to the named crisis lead', 'contingency', named, 'Crisis lead (Rashad Aliyev)'],
    ['a find-out action in another pillar goes to the crisis lead', 'stay_informed', named, 'Crisis lead (Rashad Aliyev)'],
    ['no IT lead named: the role alone', 'cybersecurity', { crisis_lead_name: { value: 'Rashad Aliyev' } }, 'IT lead'],
    ['a blank name counts as none', 'authorities', { crisis_lead_name: { value: '   ' } }, 'Crisis lead'],
  ])('%s', (_case, pillar, answers, expected) => {
    expect(defaultOwnerFor(pillar, answers, roles, t)).toBe(expected);
  });

  it('reads the names from the questions the role map names', () => {
    const renamed = { crisisLead: { name: 'head_of_crisis', phone: 'x' }, itLead: { name: 'head_of_it', phone: 'y' } };
    const answers: Answers = { head_of_it: { value: 'Nino Beridze' }, it_lead_name: { value: 'Someone Else' } };
    expect(defaultOwnerFor('cybersecurity', answers, renamed, t)).toBe('IT lead (Nino Beridze)');
  });
});

describe('action plan form field names', () => {
  it.each<[string, string]>([
    ['offline_backups', 'owner-offline_backups'],
    ['find_out:risk_review', 'owner-find_out-3a-risk_review'],
    ['a-b', 'owner-a-2d-b'],
    ['a.b c', 'owner-a-2e-b-20-c'],
  ])('%s becomes the field and id %s', (actionId, name) => {
    expect(actionPlanFieldName('owner', actionId)).toBe(name);
  });

  it('gives different ids different names and only plain characters', () => {
    const ids = ['a:b', 'a-3a-b', 'a_3a_b', 'a-b', 'a.b', 'a[0]', 'ç'];
    const names = ids.map((id) => actionPlanFieldName('dueDate', id));
    expect(new Set(names).size).toBe(ids.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('the catalogue for the action plan', () => {
  it('has a label for every status', () => {
    expect(ACTION_STATUSES.filter((status) => !hasMessage(`ui.actionPlan.status.${status}`))).toEqual([]);
  });
});
