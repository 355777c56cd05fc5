/**
 * An organisation's branding: the consultant firm's name and, if it gave one, its logo, which its
 * reports carry on the cover and in the running header.
 */

/** The longest firm name, in characters (the database checks it too). */
export const FIRM_NAME_MAX_LENGTH = 120;

/** A logo as prepareLogo made it: a PNG of 8-bit RGB without alpha or metadata. */
export interface BrandingLogo {
  png: Buffer;
  width: number;
  height: number;
}

export interface OrganisationBranding {
  organisationId: string;
  firmName: string;
  logo?: BrandingLogo;
  /** ISO 8601, UTC. */
  updatedAt: string;
}
