import type { Source } from '../types.js';

/**
 * Where questionnaire 2.0's statements come from. Citations and addresses are in the message
 * catalogue (`2.0.source.<id>.citation` / `.url`). The standards lend structure only.
 */
export const sourcesV2: readonly Source[] = [
  { id: 'article_2025_10', published: '2025-10-25' },
  { id: 'iso_31000', published: '2018-02' },
  { id: 'iso_22301', published: '2019-10' },
  { id: 'nist_csf_2', published: '2024-02-26' },
  // The emergency numbers that the plans print (see emergencyNumbers.ts).
  { id: 'ge_112' },
  { id: 'az_mes' },
];
