import { timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';

/** One thing the app needs to serve requests (database writable, PDF workers warm, not draining). */
export interface ReadinessCheck {
  name: string;
  isReady: () => boolean | Promise<boolean>;
}

export interface HealthDependencies {
  version: string;
  checks: readonly ReadinessCheck[];
  /** When set, a caller sending it in `X-Health-Token` also sees the version and each check. */
  detailsToken?: string | undefined;
}

export const HEALTH_TOKEN_HEADER = 'x-health-token';

function maySee(req: Request, token: string | undefined): boolean {
  const sent = req.get(HEALTH_TOKEN_HEADER);
  if (!token || !sent) return false;
  const expected = Buffer.from(token);
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Readiness for load balancers and orchestrators: 200 `{"status":"ok"}` or 503
 * `{"status":"unavailable"}`. Anyone may ask, so nothing else is shown to an anonymous caller:
 * the version and the failing part are for operators holding the details token.
 */
export function healthRoutes(deps: HealthDependencies): Router {
  const router = Router();
  router.get('/healthz', async (req, res) => {
    const results = await Promise.all(
      deps.checks.map(async (check) => [check.name, await Promise.resolve(check.isReady()).catch(() => false)] as const),
    );
    const ready = results.every(([, ok]) => ok);
    const body: Record<string, unknown> = { status: ready ? 'ok' : 'unavailable' };
    if (maySee(req, deps.detailsToken)) {
      body.version = deps.version;
      body.checks = Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'ok' : 'failing']));
    }
    res.setHeader('Cache-Control', 'no-store');
    if (!ready) res.setHeader('Retry-After', '5');
    res.status(ready ? 200 : 503).json(body);
  });
  return router;
}
