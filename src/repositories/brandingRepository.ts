import type { BrandingLogo, OrganisationBranding } from '../branding/branding.js';
import type { Db } from '../db/database.js';

/**
 * Storage of each organisation's firm name and logo. The logo's PNG bytes are kept as base64 text,
 * which SQLite and PostgreSQL store alike. Plain data in and out; portable SQL only.
 */
export function createBrandingRepository(db: Db) {
  return {
    async getBranding(organisationId: string): Promise<OrganisationBranding | undefined> {
      const row = await db.selectFrom('organisation_branding').selectAll().where('organisation_id', '=', organisationId).executeTakeFirst();
      if (!row) return undefined;
      const branding: OrganisationBranding = { organisationId: row.organisation_id, firmName: row.firm_name, updatedAt: row.updated_at };
      if (row.logo_png_base64 !== null && row.logo_width !== null && row.logo_height !== null) {
        // pg returns integer columns as numbers; Number() also covers a driver that hands back strings.
        branding.logo = { png: Buffer.from(row.logo_png_base64, 'base64'), width: Number(row.logo_width), height: Number(row.logo_height) };
      }
      return branding;
    },

    /** The organisation's own name: what its reports say when it has set no firm name of its own. */
    async organisationName(organisationId: string): Promise<string | undefined> {
      const row = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst();
      return row?.name;
    },

    /** Sets the firm name, creating the organisation's branding if it has none; a logo stays as it is. */
    async saveFirmName(organisationId: string, firmName: string, now: string): Promise<void> {
      await db
        .insertInto('organisation_branding')
        .values({ organisation_id: organisationId, firm_name: firmName, updated_at: now })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ firm_name: firmName, updated_at: now }))
        .execute();
    },

    /**
     * Sets the firm name and the logo in one write: a logo never exists without a firm name (the
     * column is required), so the name comes with it. The logo must come from prepareLogo.
     */
    async saveLogo(organisationId: string, firmName: string, logo: BrandingLogo, now: string): Promise<void> {
      const columns = {
        firm_name: firmName,
        logo_png_base64: logo.png.toString('base64'),
        logo_mime: 'image/png' as const,
        logo_width: logo.width,
        logo_height: logo.height,
        updated_at: now,
      };
      await db
        .insertInto('organisation_branding')
        .values({ organisation_id: organisationId, ...columns })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet(columns))
        .execute();
    },

    /** Removes the logo and keeps the firm name; nothing happens when there is no logo. */
    async removeLogo(organisationId: string, now: string): Promise<void> {
      await db
        .updateTable('organisation_branding')
        .set({ logo_png_base64: null, logo_mime: null, logo_width: null, logo_height: null, updated_at: now })
        .where('organisation_id', '=', organisationId)
        .where('logo_png_base64', 'is not', null)
        .execute();
    },
  };
}

export type BrandingRepository = ReturnType<typeof createBrandingRepository>;
