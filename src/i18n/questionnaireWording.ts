import { messageKeys } from '../questionnaire/messageKeys.js';

/**
 * The wording of one questionnaire version in one language, as nested tables that read well,
 * and the one function that turns them into catalogue keys (see `messageKeys`), so that a key
 * can only be spelt one way whatever the version.
 */
export interface SectionWording {
  title: string;
  intro: string;
}

export interface QuestionWording {
  text: string;
  hint?: string;
  options?: Readonly<Record<string, string>>;
}

export interface ScenarioWording {
  title: string;
  description: string;
}

export interface SourceWording {
  citation: string;
  /** Empty when the source has no public address that we can verify. */
  url: string;
}

export interface QuestionnaireWording {
  sections: Readonly<Record<string, SectionWording>>;
  questions: Readonly<Record<string, QuestionWording>>;
  scenarios: Readonly<Record<string, ScenarioWording>>;
  recommendations: Readonly<Record<string, string>>;
  pillars: Readonly<Record<string, string>>;
  sources: Readonly<Record<string, SourceWording>>;
}

export function flattenQuestionnaireWording(version: string, wording: QuestionnaireWording): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, section] of Object.entries(wording.sections)) {
    out[messageKeys.sectionTitle(version, id)] = section.title;
    out[messageKeys.sectionIntro(version, id)] = section.intro;
  }
  for (const [id, question] of Object.entries(wording.questions)) {
    out[messageKeys.questionText(version, id)] = question.text;
    if (question.hint !== undefined) out[messageKeys.questionHint(version, id)] = question.hint;
    for (const [value, label] of Object.entries(question.options ?? {})) {
      out[messageKeys.optionLabel(version, id, value)] = label;
    }
  }
  for (const [id, scenario] of Object.entries(wording.scenarios)) {
    out[messageKeys.scenarioTitle(version, id)] = scenario.title;
    out[messageKeys.scenarioDescription(version, id)] = scenario.description;
  }
  for (const [id, text] of Object.entries(wording.recommendations)) out[messageKeys.recommendationText(version, id)] = text;
  for (const [id, title] of Object.entries(wording.pillars)) out[messageKeys.pillarTitle(version, id)] = title;
  for (const [id, source] of Object.entries(wording.sources)) {
    out[messageKeys.sourceCitation(version, id)] = source.citation;
    out[messageKeys.sourceUrl(version, id)] = source.url;
  }
  return out;
}
