import { conditionHolds } from '../../questionnaire/conditions.js';
import { messageKeys } from '../../questionnaire/messageKeys.js';
import type { ReportBlock } from '../reportModelTypes.js';
import type { Context } from './context.js';

/**
 * The emergency numbers for the countries the business operates in, as facts: one row a
 * country, each number with its service and the source it is taken from.
 */
export function emergencyNumbersBlock(c: Context): ReportBlock | undefined {
  const { t } = c;
  const rows = (c.questionnaire.emergencyNumbers ?? [])
    .filter((country) => conditionHolds(country.when, c.answers))
    .map((country) => {
      const sources = [...new Set(country.numbers.map((n) => n.source))];
      const numbers = country.numbers.map((n) => t('report.emergency.number', { number: n.number, service: t(`${c.v}.emergency.${n.id}`) }));
      return {
        label: t(messageKeys.optionLabel(c.v, c.questionnaire.roles.countries, country.country)),
        value: t('report.emergency.row', {
          numbers: numbers.join(t('report.list.separator')),
          source: sources.map((id) => t(`report.emergency.source.${id}`)).join(t('report.list.separator')),
        }),
      };
    });
  return rows.length > 0 ? { type: 'facts', rows } : undefined;
}
