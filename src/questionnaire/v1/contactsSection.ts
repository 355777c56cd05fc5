import type { Section } from '../types.js';
import { freeText } from './builders.js';
import { operatesInAzerbaijan, operatesInGeorgia } from './profileConditions.js';

/**
 * The people and numbers the contingency plan prints. Only the crisis lead is required: a plan
 * with one named decision-maker is usable, and the rest can be filled in later.
 *
 * Emergency and police numbers are never filled in by RiskPlan: the user enters the numbers
 * their sites use, and the hint asks them to confirm each one with the national emergency
 * service, so the plan states nothing about the region that no source backs.
 */
export const contactsSection: Section = {
  id: 'contacts',
  kind: 'contacts',
  questions: [
    freeText('crisis_lead_name', 'text', { required: true, hasHint: true }),
    freeText('crisis_lead_phone', 'tel', { hasHint: true }),
    freeText('deputy_name', 'text', { hasHint: true }),
    freeText('deputy_phone', 'tel'),
    freeText('it_lead_name', 'text', { hasHint: true }),
    freeText('it_lead_phone', 'tel'),
    freeText('insurer', 'text', { hasHint: true }),
    freeText('bank', 'text', { hasHint: true }),
    freeText('key_suppliers', 'textarea', { hasHint: true }),
    freeText('emergency_number_georgia', 'tel', { hasHint: true, showIf: operatesInGeorgia }),
    freeText('police_number_georgia', 'tel', { hasHint: true, showIf: operatesInGeorgia }),
    freeText('emergency_number_azerbaijan', 'tel', { hasHint: true, showIf: operatesInAzerbaijan }),
    freeText('police_number_azerbaijan', 'tel', { hasHint: true, showIf: operatesInAzerbaijan }),
  ],
};
