/**
 * The assessor's judgement: overriding a scenario's rating with a reason, rewording a recommended
 * action, and the firm's own actions. `ui.judgement.*` is the app's text; `report.judgement.*` is
 * what the report (PDF, printable page, exports) says.
 */
export const judgementMessages: Readonly<Record<string, string>> = {
  /* Ratings: shared wording ------------------------------------------------------------------- */
  'ui.judgement.ratedBy': 'Rated {band} by the assessor; calculated {calculated}.',
  'ui.judgement.reason': 'Reason: {reason}',
  'ui.judgement.assessorTag': 'Assessor',
  'ui.judgement.calculatedShort': 'Calculated: {rating}',
  'ui.judgement.overall':
    'Rated {band} because of the assessor’s ratings; calculated {calculated}.',
  'ui.judgement.counts':
    'Your rating counts: it sets the scenario’s place in the register, the overall rating, the priority of the actions that treat it, and whether it gets a contingency plan. The calculated rating stays on record beside yours, and the heat map places the scenario by it.',
  'ui.judgement.heatMapNote':
    'A marker with a star is a scenario the assessor rated differently. The heat map places it by its calculated likelihood and impact.',
  'ui.judgement.heatMapMarker': '{scenario}: rated {band} by the assessor, placed by its calculated rating',
  'ui.judgement.whyHeading': 'The assessor’s rating',
  'ui.judgement.changeRating': 'Change the rating',
  'ui.judgement.changeRatingOf': 'of {scenario}',
  'ui.judgement.priorityMoved': 'Priority set by the assessor’s rating; calculated {priority}.',

  /* The rating page ---------------------------------------------------------------------------- */
  'ui.judgement.rating.title': 'Change the rating of a risk',
  'ui.judgement.rating.calculated': 'Calculated rating after measures',
  'ui.judgement.rating.calculatedValue': '{rating}: likelihood {likelihood}, impact {impact}.',
  'ui.judgement.rating.current': 'Your rating now',
  'ui.judgement.rating.lead':
    'Use your own judgement where the calculation does not fit this business. Give the reason: it is shown with your rating on the results page and in the report.',
  'ui.judgement.rating.band': 'Your rating',
  'ui.judgement.rating.calculatedOption': '{band} (the calculated rating)',
  'ui.judgement.rating.bandHint': 'The calculated rating is shown beside yours wherever yours appears.',
  'ui.judgement.rating.reason': 'Why you rate it differently',
  'ui.judgement.rating.reasonHint': 'For example, what you know of this business or its region that the questions did not ask. At most {max} characters.',
  'ui.judgement.rating.save': 'Save your rating',
  'ui.judgement.rating.remove': 'Remove your rating and use the calculation',
  'ui.judgement.error.bandRequired': 'Select a rating',
  'ui.judgement.error.sameAsCalculated': 'This is the calculated rating. Select another rating, or remove yours',
  'ui.judgement.error.reasonRequired': 'Enter the reason for your rating',

  /* Wording of a recommended action ------------------------------------------------------------ */
  'ui.judgement.wording.title': 'Change the wording of an action',
  'ui.judgement.wording.lead': 'Your wording replaces the standard text for this assessment only: on the results page, in the action plan and in the report.',
  'ui.judgement.wording.standard': 'Standard wording',
  'ui.judgement.wording.text': 'Wording for this assessment',
  'ui.judgement.wording.textHint': 'At most {max} characters.',
  'ui.judgement.wording.save': 'Save the wording',
  'ui.judgement.wording.reset': 'Use the standard wording',
  'ui.judgement.wording.change': 'Change the wording',
  'ui.judgement.wording.reworded': 'Reworded for this assessment.',
  'ui.judgement.wording.standardWas': 'Standard wording: {text}',
  'ui.judgement.error.textRequired': 'Enter the wording of the action',
  'ui.judgement.error.firmTextRequired': 'Enter what is to be done',

  /* The firm's own actions --------------------------------------------------------------------- */
  'ui.judgement.firm.add': 'Add an action of your own',
  'ui.judgement.firm.addTitle': 'Add an action of your own',
  'ui.judgement.firm.editTitle': 'Change an action of your own',
  'ui.judgement.firm.lead': 'Your own action goes into the action plan and the report with the recommended ones, in order of priority.',
  'ui.judgement.firm.tag': 'Your own action',
  'ui.judgement.firm.text': 'What is to be done',
  'ui.judgement.firm.textHint': 'At most {max} characters.',
  'ui.judgement.firm.owner': 'Owner',
  'ui.judgement.firm.ownerHint': 'Leave empty for the suggested owner: {owner}.',
  'ui.judgement.firm.dueDate': 'Due date',
  'ui.judgement.firm.dueDateHint': 'Leave empty for the suggested date of its priority. {rule}',
  'ui.judgement.firm.priority': 'Priority',
  'ui.judgement.firm.priorityHint': 'The same scale as the recommended actions.',
  'ui.judgement.firm.status': 'Status',
  'ui.judgement.firm.treats': 'Risks it treats',
  'ui.judgement.firm.treatsHint': 'Select any that apply.',
  'ui.judgement.firm.save': 'Save the action',
  'ui.judgement.firm.change': 'Change',
  'ui.judgement.firm.delete': 'Delete',
  'ui.judgement.firm.actionSuffix': 'action {number}',
  'ui.judgement.firm.deleteTitle': 'Delete this action?',
  'ui.judgement.firm.deleteLead': 'It will be taken out of the action plan and the report.',
  'ui.judgement.firm.deleteConfirm': 'Delete the action',
  'ui.judgement.firm.cancel': 'Keep it',
  'ui.judgement.firm.none': 'Not named',
  'ui.judgement.error.priorityRequired': 'Select a priority',
  'ui.judgement.notice.wording_saved': 'The wording has been saved.',
  'ui.judgement.notice.wording_reset': 'The action uses the standard wording again.',
  'ui.judgement.notice.firm_added': 'Your action has been added to the plan.',
  'ui.judgement.notice.firm_saved': 'Your action has been saved.',
  'ui.judgement.notice.firm_deleted': 'The action has been deleted.',
  'ui.judgement.notice.rating_saved': 'Your rating has been saved.',
  'ui.judgement.notice.rating_removed': 'Your rating has been removed. The calculated rating counts again.',
  'ui.back.toActionPlan': 'Back to the action plan',
  'ui.judgement.notSaved': 'Nothing was saved because of a problem on our side. What you typed is still here: try again in a minute.',

  /* The report --------------------------------------------------------------------------------- */
  'report.judgement.cell': '{band} (assessor)',
  'report.judgement.calculated': 'Calculated: {rating}',
  'report.judgement.ratedBy': 'Rated {band} by the assessor; calculated {calculated}.',
  'report.judgement.reason': 'Reason: {reason}',
  'report.judgement.label': 'Assessor’s rating:',
  'report.judgement.detail': 'Rated {band} by the assessor; calculated {calculated}. Reason: {reason} (recorded {date})',
  'report.judgement.overall': 'Overall rating {band} because of the assessor’s ratings; calculated {calculated}.',
  'report.judgement.coverLabel': 'Assessor’s judgement',
  'report.judgement.registerNote':
    'The assessor rated {refs} differently from the calculation. Their rating counts for the order of the register, the overall rating, the priority of the actions that treat it and the contingency plans. The calculated rating is shown beside it, and the reason under the register.',
  'report.judgement.heatMapKey': '*: rated differently by the assessor, and placed here by the calculated likelihood and impact.',
  'report.judgement.firmAction': 'Action of the assessor’s firm',
  'report.judgement.priorityMoved': 'Priority set by the assessor’s rating; calculated {priority}.',
  'report.judgement.inline': '{band} by the assessor; calculated {calculated}',
  'report.judgement.planBecause': 'it is rated {band} by the assessor',
};
