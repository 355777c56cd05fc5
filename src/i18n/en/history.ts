/** The history of an assessment's answers: who changed which answer, when, from what to what. */
export const historyMessages: Readonly<Record<string, string>> = {
  'history.link': 'History of changes',
  'history.title': 'History of changes',
  'history.lead': 'Every change to an answer, newest first: when it was made, who made it, and the answer before and after.',
  'history.lead.anonymous':
    'Changes are recorded without a name: anyone who holds the resume link can make them. The latest {limit} changes are kept.',
  'history.lead.copied': 'When a re-assessment starts, the answers it copies from the earlier assessment are not listed here. Every change after that is.',
  'history.empty': 'No answer has been changed yet.',
  'history.pastEnd': 'There are fewer changes than this page number.',
  'history.firstPage': 'Go to the newest changes',
  'history.when': '{date}, {time} UTC',
  'history.col.when': 'When',
  'history.col.who': 'Who',
  'history.col.question': 'Question',
  'history.col.before': 'Before',
  'history.col.after': 'After',
  'history.who.you': 'You',
  'history.who.linkHolder': 'Holder of the resume link',
  'history.who.notRecorded': 'Not recorded',
  'history.noAnswer': 'no answer',
  'history.note': 'Note:',
};
