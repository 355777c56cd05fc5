import type { CountryEmergencyNumbers } from '../types.js';
import { operatesInAzerbaijan, operatesInGeorgia } from './profileConditions.js';

/**
 * The emergency numbers every plan prints for the countries the business operates in, each
 * with the public source it is taken from (listed on the sources page). The service names are
 * catalogue keys: `2.0.emergency.<id>`.
 */

export const emergencyNumbersV2: readonly CountryEmergencyNumbers[] = [
  {
    country: 'georgia',
    when: operatesInGeorgia,
    // One number for police, fire and ambulance, run by the Public Safety Command Center 112.
    numbers: [{ id: 'ge_all', number: '112', source: 'ge_112' }],
  },
  {
    country: 'azerbaijan',
    when: operatesInAzerbaijan,
    numbers: [
      { id: 'az_emergency', number: '112', source: 'az_mes' },
      { id: 'az_fire', number: '101', source: 'az_mes' },
      { id: 'az_police', number: '102', source: 'az_mes' },
      { id: 'az_ambulance', number: '103', source: 'az_mes' },
    ],
  },
];
