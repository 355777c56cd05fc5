import type { Translate } from '../i18n/catalogue.js';
import type { Answers, RoleMap } from '../questionnaire/types.js';

/** The contacts the default owner is taken from: the questionnaire's role map names their questions. */
export type OwnerRoles = Pick<RoleMap, 'crisisLead' | 'itLead'>;

function nameFrom(answers: Answers, questionId: string): string {
  const value = answers[questionId]?.value;
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Who owns an action until the user names someone: the IT lead for cybersecurity, the crisis
 * lead for everything else. The role, with the person's name when the contacts section gave one:
 * "IT lead (Nino Beridze)", else "IT lead".
 */
export function defaultOwnerFor(pillar: string, answers: Answers, roles: OwnerRoles, t: Translate): string {
  const [roleKey, nameQuestion] =
    pillar === 'cybersecurity' ? ['ui.actionPlan.role.itLead', roles.itLead.name] : ['ui.actionPlan.role.crisisLead', roles.crisisLead.name];
  const role = t(roleKey);
  const name = nameFrom(answers, nameQuestion);
  return name ? t('ui.actionPlan.roleWithName', { role, name }) : role;
}
