import type { Express } from 'express';
import session from 'express-session';

declare module 'express-session' {
  interface SessionData {
    /** The assessment this browser is working on. */
    assessmentId?: string;
  }
}

export interface SessionOptions {
  secret: string;
  secure: boolean;
  store: session.Store;
}

export const SESSION_COOKIE = 'riskplan.sid';
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

export function setUpSessions(app: Express, options: SessionOptions): void {
  app.use(
    session({
      name: SESSION_COOKIE,
      secret: options.secret,
      store: options.store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: THIRTY_DAYS_MS },
    }),
  );
}
