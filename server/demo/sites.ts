/**
 * Demo sites, from the trial's own plan (seed 000, "Bilaga 1"): Affektiva
 * mottagningen Örebro, DBT-enheten Örebro and the county parts (Norr,
 * Väster, Söder) of Region Örebro län. The plan gives IPS places held at one
 * time (12, 6 and 4–8 per county part); the demo's target places are the
 * recruitment over the whole trial (the demo randomizes about 22 per site
 * over three years, as places free up), so they are scaled up here.
 */
import { insertSite } from '../db/queries/sites';
import { recordAudit } from '../services/audit';
import type { DemoStep } from './index';

export const DEMO_SITES = [
  { code: 'ORE-AFF', name: 'Affektiva mottagningen Örebro', region: 'Region Örebro län', placesMin: 30, placesMax: 30 },
  { code: 'ORE-DBT', name: 'DBT-enheten Örebro', region: 'Region Örebro län', placesMin: 24, placesMax: 24 },
  { code: 'ORE-NORR', name: 'Länsdel Norr', region: 'Region Örebro län', placesMin: 20, placesMax: 30 },
  { code: 'ORE-VAST', name: 'Länsdel Väster', region: 'Region Örebro län', placesMin: 20, placesMax: 30 },
  { code: 'ORE-SODER', name: 'Länsdel Söder', region: 'Region Örebro län', placesMin: 20, placesMax: 30 },
] as const;

export const demoSitesStep: DemoStep = {
  name: 'sites',
  run: ({ db, actor }) => {
    const now = new Date().toISOString();
    for (const site of DEMO_SITES) {
      insertSite(db, site, now);
      recordAudit(db, { actor, action: 'create', entity: 'site', entityId: site.code, after: site });
    }
  },
};
