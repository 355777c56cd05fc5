import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';

/** Pages that show or change an assessment must never be stored by a browser or proxy cache. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export const FORM_LIMITS = { bodyBytes: '100kb', fields: 300 } as const;

export function setUpWebSecurity(app: Express): void {
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      // Resume links carry a secret in their path: no page may leak its URL to another site.
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use(express.urlencoded({ extended: false, limit: FORM_LIMITS.bodyBytes, parameterLimit: FORM_LIMITS.fields }));
}
