import { freeText } from '../questionBuilders.js';
import type { Section } from '../types.js';

/**
 * The people the plans name. Only the crisis lead is required: a plan with one named
 * decision-maker is usable, and the rest can be filled in later. Emergency numbers are not
 * asked: the plans print them from named public sources (see emergencyNumbers.ts).
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
    freeText('local_police', 'text', { hasHint: true }),
  ],
};
