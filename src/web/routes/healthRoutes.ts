import { Router } from 'express';

export interface HealthDependencies {
  version: string;
  isDatabaseReachable: () => Promise<boolean>;
}

export function healthRoutes(deps: HealthDependencies): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const databaseReachable = await deps.isDatabaseReachable();
    res.setHeader('Cache-Control', 'no-store');
    res.status(databaseReachable ? 200 : 503).json({
      status: databaseReachable ? 'ok' : 'unavailable',
      version: deps.version,
      database: databaseReachable ? 'reachable' : 'unreachable',
    });
  });
  return router;
}
