import { randomUUID } from 'node:crypto';
import type { Client, ClientDetails, ClientPage, ClientRepository } from '../repositories/clientRepository.js';
import type { AssessmentFilter, AssessmentListPage, PracticeRepository } from '../repositories/practiceRepository.js';
import { AssessmentNotFoundError, type AssessmentService } from './assessmentService.js';

/** The signed-in user a firm's data is read and written for. */
export interface Actor {
  id: string;
  organisationId: string;
}

/** Lists are shown this many rows at a time. */
export const PAGE_SIZE = 20;

/** Rows of page `page` (1-based). */
export function pageWindow(page: number): { offset: number; limit: number } {
  return { offset: (Math.max(1, page) - 1) * PAGE_SIZE, limit: PAGE_SIZE };
}

/**
 * A consulting firm's practice: its clients and its assessments of them. Every call is made for
 * a signed-in user and reads or writes only their organisation's rows.
 */
export function createPracticeService(deps: {
  clients: ClientRepository;
  practice: PracticeRepository;
  assessments: AssessmentService;
  clock?: () => Date;
}) {
  const now = () => (deps.clock ?? (() => new Date()))().toISOString();

  /**
   * Works out the overall rating of every assessment saved since its summary was: only those
   * changed since the last list, so a list costs a scoring run per edited assessment at most.
   */
  async function refreshSummaries(organisationId: string): Promise<void> {
    for (const id of await deps.practice.staleSummaryIds(organisationId)) {
      try {
        const state = await deps.assessments.load(id);
        const band = state.readyForResults ? deps.assessments.results(state).overallBand : undefined;
        await deps.practice.saveSummary(id, { ready: state.readyForResults, band, revision: state.assessment.revision });
      } catch (error) {
        if (!(error instanceof AssessmentNotFoundError)) throw error;
      }
    }
  }

  return {
    async createClient(actor: Actor, details: ClientDetails): Promise<string> {
      const id = randomUUID();
      await deps.clients.create({ id, organisationId: actor.organisationId, details, now: now() });
      return id;
    },

    updateClient(actor: Actor, clientId: string, details: ClientDetails): Promise<boolean> {
      return deps.clients.update({ id: clientId, organisationId: actor.organisationId, details, now: now() });
    },

    findClient(actor: Actor, clientId: string): Promise<Client | undefined> {
      return deps.clients.find(actor.organisationId, clientId);
    },

    listClients(actor: Actor, options: { search?: string; page: number }): Promise<ClientPage> {
      return deps.clients.list(actor.organisationId, { ...(options.search ? { search: options.search } : {}), ...pageWindow(options.page) });
    },

    /** A new assessment of one of the firm's clients; undefined when the client is not the firm's. */
    async startAssessment(actor: Actor, clientId: string): Promise<string | undefined> {
      const client = await deps.clients.find(actor.organisationId, clientId);
      if (!client) return undefined;
      return deps.assessments.startFor({ organisationId: actor.organisationId, clientId: client.id, createdByUserId: actor.id });
    },

    async listAssessments(actor: Actor, filter: AssessmentFilter, page: number): Promise<AssessmentListPage> {
      await refreshSummaries(actor.organisationId);
      return deps.practice.list(actor.organisationId, filter, pageWindow(page));
    },
  };
}

export type PracticeService = ReturnType<typeof createPracticeService>;
