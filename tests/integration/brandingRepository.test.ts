import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRM_NAME_MAX_LENGTH } from '../../src/branding/branding.js';
import { prepareLogo } from '../../src/branding/logoImage.js';
import { migrateToLatest, openDatabase, type Database } from '../../src/db/database.js';
import { createBrandingRepository, type BrandingRepository } from '../../src/repositories/brandingRepository.js';
import { pngWithAlpha } from '../fixtures/logoImages.js';
import { databaseSettingsFor, makeDataDir, removeDataDir, testStore } from '../support/testApp.js';

/*
 * The firm name and logo of each organisation, stored and read back on the chosen store (run
 * once on SQLite and once on PostgreSQL), with the database's own checks on what is stored.
 */

const firm = 'Caucasus Continuity & Risk <Advisory> · კავკასია';
const earlier = '2026-12-01T09:00:00.000Z';
const later = '2026-12-02T10:30:00.000Z';

let dataDir: string;
let database: Database;
let repository: BrandingRepository;

beforeEach(async () => {
  dataDir = makeDataDir();
  database = await openDatabase(await databaseSettingsFor(dataDir));
  await migrateToLatest(database.db);
  // Branding belongs to an organisation (a foreign key): the ones the tests use exist.
  await database.db
    .insertInto('organisations')
    .values(['org-1', 'org-2', 'org-none', 'org-without-branding'].map((id) => ({ id, name: `Firm ${id}`, created_at: '2026-01-01T00:00:00.000Z' })))
    .execute();
  repository = createBrandingRepository(database.db);
});

afterEach(async () => {
  await database.close();
  removeDataDir(dataDir);
});

async function preparedLogo() {
  const prepared = await prepareLogo(await pngWithAlpha());
  if (!prepared.ok) throw new Error(prepared.message);
  return { png: prepared.png, width: prepared.width, height: prepared.height };
}

describe(`the branding repository on ${testStore}`, () => {
  it('given an organisation with no branding, finds none', async () => {
    expect(await repository.getBranding('org-none')).toBeUndefined();
  });

  it('given a firm name saved twice, keeps the second, typed in any script, without a logo', async () => {
    await repository.saveFirmName('org-1', 'First name', earlier);
    await repository.saveFirmName('org-1', firm, later);
    expect(await repository.getBranding('org-1')).toEqual({ organisationId: 'org-1', firmName: firm, updatedAt: later });
  });

  it('given a logo, gives back the same PNG bytes and size, and keeps it when only the name changes', async () => {
    const logo = await preparedLogo();
    await repository.saveLogo('org-1', firm, logo, earlier);
    const saved = await repository.getBranding('org-1');
    expect(saved?.logo?.png.equals(logo.png)).toBe(true);
    expect(saved).toMatchObject({ firmName: firm, logo: { width: 300, height: 120 }, updatedAt: earlier });

    await repository.saveFirmName('org-1', 'Renamed firm', later);
    const renamed = await repository.getBranding('org-1');
    expect(renamed).toMatchObject({ firmName: 'Renamed firm', logo: { width: 300, height: 120 }, updatedAt: later });
    expect(renamed?.logo?.png.equals(logo.png)).toBe(true);
  });

  it('given a logo of the largest stored size, stores it whole', async () => {
    const png = randomBytes(500 * 1024);
    await repository.saveLogo('org-1', firm, { png, width: 1200, height: 1200 }, earlier);
    expect((await repository.getBranding('org-1'))?.logo?.png.equals(png)).toBe(true);
  });

  it('given a logo removed, keeps the firm name; removing again changes nothing', async () => {
    await repository.saveLogo('org-1', firm, await preparedLogo(), earlier);
    await repository.removeLogo('org-1', later);
    expect(await repository.getBranding('org-1')).toEqual({ organisationId: 'org-1', firmName: firm, updatedAt: later });
    await repository.removeLogo('org-1', '2026-12-03T00:00:00.000Z');
    expect((await repository.getBranding('org-1'))?.updatedAt).toBe(later);
    await repository.removeLogo('org-without-branding', later);
    expect(await repository.getBranding('org-without-branding')).toBeUndefined();
  });

  it('given two organisations, keeps each one its own branding', async () => {
    await repository.saveLogo('org-1', 'Firm one', await preparedLogo(), earlier);
    await repository.saveFirmName('org-2', 'Firm two', earlier);
    await repository.removeLogo('org-2', later);
    expect((await repository.getBranding('org-1'))?.logo).toBeDefined();
    expect(await repository.getBranding('org-2')).toEqual({ organisationId: 'org-2', firmName: 'Firm two', updatedAt: earlier });
  });

  it(`given a firm name of ${FIRM_NAME_MAX_LENGTH} characters in Georgian, stores it; one more or none, the database refuses`, async () => {
    const longest = 'ქ'.repeat(FIRM_NAME_MAX_LENGTH);
    await repository.saveFirmName('org-1', longest, earlier);
    expect((await repository.getBranding('org-1'))?.firmName).toBe(longest);
    await expect(repository.saveFirmName('org-1', `${longest}ქ`, later)).rejects.toThrow();
    await expect(repository.saveFirmName('org-2', '', later)).rejects.toThrow();
    expect((await repository.getBranding('org-1'))?.firmName).toBe(longest);
  });

  it('given a logo row without its size or type, the database refuses it', async () => {
    const row = { organisation_id: 'org-1', firm_name: firm, logo_png_base64: 'iVBORw0KGgo=', updated_at: earlier };
    await expect(database.db.insertInto('organisation_branding').values({ ...row, logo_mime: 'image/png', logo_width: null, logo_height: 10 }).execute()).rejects.toThrow();
    await expect(database.db.insertInto('organisation_branding').values({ ...row, logo_mime: null, logo_width: 10, logo_height: 10 }).execute()).rejects.toThrow();
    expect(await repository.getBranding('org-1')).toBeUndefined();
  });
});
