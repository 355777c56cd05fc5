/**
 * Questionnaire wording lives in the message catalogue under keys derived from stable ids, so
 * content can be translated and a new questionnaire version can reword without touching old ones.
 */
export const messageKeys = {
  sectionTitle: (v: string, sectionId: string) => `${v}.section.${sectionId}.title`,
  sectionIntro: (v: string, sectionId: string) => `${v}.section.${sectionId}.intro`,
  questionText: (v: string, questionId: string) => `${v}.q.${questionId}.text`,
  questionHint: (v: string, questionId: string) => `${v}.q.${questionId}.hint`,
  optionLabel: (v: string, questionId: string, value: string) => `${v}.q.${questionId}.opt.${value}`,
  scenarioTitle: (v: string, scenarioId: string) => `${v}.scenario.${scenarioId}.title`,
  scenarioDescription: (v: string, scenarioId: string) => `${v}.scenario.${scenarioId}.description`,
  recommendationText: (v: string, recommendationId: string) => `${v}.rec.${recommendationId}.text`,
  pillarTitle: (v: string, pillarId: string) => `${v}.pillar.${pillarId}.title`,
  sourceCitation: (v: string, sourceId: string) => `${v}.source.${sourceId}.citation`,
  sourceUrl: (v: string, sourceId: string) => `${v}.source.${sourceId}.url`,
  /** Method wording: a version's own text where it has one, else the shared text. */
  method: (v: string, key: string, has: (key: string) => boolean) => (has(`${v}.${key}`) ? `${v}.${key}` : key),
} as const;
