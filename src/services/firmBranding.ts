import type { BrandingRepository } from '../repositories/brandingRepository.js';
import type { BrandingOf } from './reportService.js';

/**
 * The branding of a firm's reports: the firm name and logo its admin set on the branding page,
 * or, before they set any, the organisation's name. An anonymous assessment has none, and its
 * report stays exactly as it was.
 */
export function firmBrandingOf(repository: BrandingRepository): BrandingOf {
  return async (state) => {
    const organisationId = state.assessment.organisationId;
    if (!organisationId) return undefined;
    const branding = await repository.getBranding(organisationId);
    if (branding) return { firmName: branding.firmName, ...(branding.logo ? { logo: branding.logo } : {}) };
    const name = await repository.organisationName(organisationId);
    return name ? { firmName: name } : undefined;
  };
}
