import type { Source } from '../types.js';

/**
 * Where the questionnaire's statements come from. Citations and addresses are in the message
 * catalogue (`1.0.source.<id>.citation` / `.url`). The standards lend structure only; no text
 * of theirs is reproduced.
 */
export const sourcesV1: readonly Source[] = [
  // The article the questionnaire is built on: its practical tips are the five pillars.
  { id: 'article_2025_10', published: '2025-10-25' },
  // Likelihood x impact, risk owners, regular review.
  { id: 'iso_31000', published: '2018-02' },
  // Business continuity: critical activities, recovery objectives, exercising the plan.
  { id: 'iso_22301', published: '2019-10' },
  // Cybersecurity functions: Govern, Identify, Protect, Detect, Respond, Recover.
  { id: 'nist_csf_2', published: '2024-02-26' },
];
