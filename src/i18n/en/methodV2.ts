/**
 * How questionnaire 2.0 scores, where it differs from 1.0 (src/i18n/en/method.ts). Keys are
 * `2.0.method.*`; `methodKey` in src/questionnaire/messageKeys.ts picks them over the shared
 * wording for an assessment on 2.0. docs/SCORING.md explains the same method for developers.
 */
export const methodV2Messages: Readonly<Record<string, string>> = {
  '2.0.method.scenarios.body':
    'We look at a short list of things that could go wrong for a business in Georgia or Azerbaijan. Each is a scenario with its own rating: for example a cyberattack, unrest, crime, cargo theft on the road, or a border closure.',
  '2.0.method.impact.body':
    'Questions about what your business depends on set how badly a scenario would hurt, from 1 (negligible) to 5 (severe). The highest level set by your answers counts.',
  '2.0.method.impactAnalysis.heading': 'Your critical activities',
  '2.0.method.impactAnalysis.body':
    'You name up to five critical activities, how long each can stop, and what each needs. A scenario that would stop one of them for longer than it can stop has an impact of at least 4 (Major).',
  '2.0.method.impactAnalysis.durations':
    'How long a scenario stops what it affects is a planning assumption. For example: a week for IT after a cyberattack, a day for power, a month for a closed port.',
  '2.0.method.controls.heading': 'Measures you have in place',
  '2.0.method.controls.body':
    'Each measure counts for the scenarios it protects against, with a weight: key measures count three times as much as minor ones. A measure in place earns its full weight, a partial or untested one half, and a missing one nothing.',
  '2.0.method.controls.share':
    'A rating falls in proportion to the share of its measures that are in place. With every measure in place it falls by the most that measures can achieve for that scenario, at most three levels of likelihood or impact.',
  '2.0.method.controls.limits':
    'Some events no business can prevent, such as unrest or a power cut. For those, measures lower the impact only. Intentions, untested fallbacks and knowing what your insurance excludes do not lower a rating.',
  '2.0.method.controls.inherentResidual':
    'Each scenario has two ratings: before your measures, and after them. Bands, priorities, plans and the heat map use the rating after measures.',
  '2.0.method.actions.body':
    'Each action puts missing measures in place and takes its priority from the worst scenario it treats. The checklist holds the 12 most urgent actions; the rest are listed as further measures. No action asks for a measure you already have.',
  '2.0.method.plans.heading': 'Which scenarios get a plan',
  '2.0.method.plans.body':
    'A scenario gets a one-page contingency plan when it is rated High or Critical, or when it would stop a critical activity for longer than it can stop.',
  '2.0.method.dontKnow.body':
    'A "don\'t know" answer assumes the worst: for a measure, that it is not in place; for an exposure, the highest level the question allows. Each one becomes an action to find out the answer.',
};
