import type { Express } from 'express';
import { createTranslator } from '../../i18n/catalogue.js';
import { displayAnswer } from '../../questionnaire/answerDisplay.js';
import { messageKeys } from '../../questionnaire/messageKeys.js';

/** What every template may use: the translator, message-key helpers and the current path. */
export function setUpViewLocals(app: Express): void {
  const t = createTranslator('en');
  app.locals.t = t;
  app.locals.keys = messageKeys;
  app.locals.lang = 'en';
  app.locals.displayAnswer = displayAnswer;
  app.use((req, res, next) => {
    res.locals.currentPath = req.path;
    res.locals.currentQuery = req.query;
    next();
  });
}
