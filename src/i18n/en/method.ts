/**
 * Labels for scores, bands, priorities and timeframes, and the text of the "How we score" page
 * (also the method section of the PDF's appendix). The numbers quoted here must match
 * `src/scoring/bands.ts` and `maxControlSteps` in `src/scoring/scoreAssessment.ts`.
 */
export const methodMessages: Readonly<Record<string, string>> = {
  'band.low': 'Low',
  'band.medium': 'Medium',
  'band.high': 'High',
  'band.critical': 'Critical',

  'priority.1': 'Urgent',
  'priority.2': 'High',
  'priority.3': 'Medium',
  'priority.4': 'Low',

  'timeframe.within_7_days': 'Within 7 days',
  'timeframe.within_30_days': 'Within 30 days',
  'timeframe.within_90_days': 'Within 90 days',
  'timeframe.within_12_months': 'Within 12 months',

  'factor.likelihood': 'Likelihood',
  'factor.impact': 'Impact',

  'likelihood.1': 'Rare',
  'likelihood.2': 'Unlikely',
  'likelihood.3': 'Possible',
  'likelihood.4': 'Likely',
  'likelihood.5': 'Almost certain',

  'impact.1': 'Negligible',
  'impact.2': 'Minor',
  'impact.3': 'Moderate',
  'impact.4': 'Major',
  'impact.5': 'Severe',

  'method.title': 'How we score',
  'method.intro':
    'Your answers are turned into scores by a fixed set of rules. The same answers always give the same result, and the report shows which answers led to each score.',

  'method.scenarios.heading': 'Risk scenarios',
  'method.scenarios.body':
    'We look at a short list of things that could go wrong for a business in Georgia or Azerbaijan, such as a cyberattack, political unrest, crime against staff or premises, terrorism, disruption at the border, cuts to energy supply, disruption to Black Sea or Caspian shipping, and a wider regional escalation. Each of these is a scenario, and each scenario gets its own score.',

  'method.likelihood.heading': 'Likelihood: how probable it is',
  'method.likelihood.body':
    'Questions about your exposure set how likely a scenario is, on a scale from 1 (rare) to 5 (almost certain). For example, moving goods across the border makes border disruption more likely. When several answers set a level, the highest one counts. When no answer sets it, we use a starting level for the scenario.',

  'method.impact.heading': 'Impact: how much it would hurt',
  'method.impact.body':
    'Questions about what your business depends on set how badly a scenario would affect you, on a scale from 1 (negligible) to 5 (severe). For example, a business that cannot work without its IT systems would be hit harder by a cyberattack. Again, the highest level set by your answers counts.',

  'method.controls.heading': 'What you already have in place',
  'method.controls.body':
    'Measures you already take, such as backups, staff training or a tested contingency plan, lower the likelihood or the impact by one or two steps. Together they can lower each of the two by at most two steps, and never below 1. Measures reduce a risk but do not remove the exposure behind it, so a serious risk stays on your plan.',
  'method.controls.inherentResidual':
    'We show two scores for each scenario: the inherent score, before your measures, and the residual score, after them. Bands, priorities and the heat map use the residual score.',

  'method.matrix.heading': 'The 5 by 5 matrix',
  'method.matrix.body':
    'The score of a scenario is its likelihood multiplied by its impact, so it runs from 1 to 25. The score places the scenario on a 5 by 5 grid, the heat map, and in one of four bands.',
  'method.bands.low': 'Low: a score of 1 to 4.',
  'method.bands.medium': 'Medium: a score of 5 to 9.',
  'method.bands.high': 'High: a score of 10 to 16.',
  'method.bands.critical': 'Critical: a score of 20 or 25.',
  'method.overall':
    "Your overall rating is the band of your worst scenario. If no scenario applies to your business, it is Low.",

  'method.actions.heading': 'How actions are prioritised',
  'method.actions.body':
    'Each recommended action is linked to the scenarios it helps with. An action takes its priority and timeframe from the worst residual band among those scenarios, and is left out when you already have that measure in place or when none of its scenarios apply to you. Actions are listed most urgent first.',
  'method.actions.critical': 'Critical: Urgent priority, to be done within 7 days.',
  'method.actions.high': 'High: High priority, within 30 days.',
  'method.actions.medium': 'Medium: Medium priority, within 90 days.',
  'method.actions.low': 'Low: Low priority, within 12 months.',

  'method.answers.heading': '"Not applicable" and "don\'t know"',
  'method.notApplicable.body':
    'Some scenarios only apply to some businesses: border disruption, for example, only to a business that moves goods or people across the border. A scenario that does not apply is listed as not applicable and is not scored, and questions that only matter to it are not asked. Answering "not applicable" to a question neither raises an exposure nor counts as a measure in place.',
  'method.dontKnow.body':
    'Answering "don\'t know" does not count as good news, nor as the worst case. For an exposure we score it in the middle of the scale at most; a measure you are not sure about is not counted as being in place. Finding out is often a useful first action.',
  'method.unanswered.body':
    'A question left unanswered neither raises nor lowers a score: the scenario keeps its starting level and no measure is counted.',

  'method.framework.heading': 'Where the method comes from',
  'method.framework.body':
    'The approach follows the common likelihood times impact structure described in ISO 31000, the international standard on risk management. The scenarios, questions and levels are our own, written for the regional situation described in the sources listed in this report.',

  'method.limits.heading': 'What the score is not',
  'method.limits.body':
    'The score is a starting point for planning, not a prediction or a guarantee. It is only as good as the answers given. Review it when your business or the situation in the region changes, and take advice from security experts where the stakes are high.',

  'method.score.formula': 'Score = likelihood x impact',
};
