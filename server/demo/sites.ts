/**
 * Demo sites, from the trial's own plan (seed 000, "Bilaga 1", places per
 * unit): Affektiva mottagningen Örebro 12 places, DBT-enheten Örebro 6, and
 * 4–8 places in each county part (Norr, Väster, Söder) of Region Örebro län.
 */
import { insertSite } from '../db/queries/sites';
import { recordAudit } from '../services/audit';
import type { DemoStep } from './index';

export const DEMO_SITES = [
  { code: 'ORE-AFF', name: 'Affektiva mottagningen Örebro', region: 'Region Örebro län', placesMin: 12, placesMax: 12 },
  { code: 'ORE-DBT', name: 'DBT-enheten Örebro', region: 'Region Örebro län', placesMin: 6, placesMax: 6 },
  { code: 'ORE-NORR', name: 'Länsdel Norr', region: 'Region Örebro län', placesMin: 4, placesMax: 8 },
  { code: 'ORE-VAST', name: 'Länsdel Väster', region: 'Region Örebro län', placesMin: 4, placesMax: 8 },
  { code: 'ORE-SODER', name: 'Länsdel Söder', region: 'Region Örebro län', placesMin: 4, placesMax: 8 },
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
