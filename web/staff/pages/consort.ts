/** The live CONSORT flow diagram, from the server's counts (GET /api/consort). */
import { h, replace } from '../../modules/dom';
import { consortDiagram, consortTable, type ArmFlow, type ConsortCounts } from '../consort-svg';
import { choiceLabel } from '../labels';
import { get, getJson, paths } from '../staff-api';
import { t } from '../texts/index';

interface ServerCounts {
  referred: number;
  screened: number;
  notEligible: { total: number; byReason: Record<string, number> };
  declined: number;
  consented: number;
  randomized: { ips: number; control: number };
  withdrawn: { ips: number; control: number; beforeRandomization: number };
  assessed: Record<string, { ips: number; control: number }>;
}

/** Maps the server's counts onto the diagram's boxes (analysis by intention to treat: everyone randomized); reasons in the dictionary's words (screening.not_eligible_reason). */
export function toDiagram(c: ServerCounts): ConsortCounts {
  const declinedAtScreening = c.notEligible.byReason.declined ?? 0;
  const declinedConsent = Math.max(0, c.declined - declinedAtScreening);
  const reasons = Object.entries(c.notEligible.byReason).map(([reason, n]) => ({ reason: choiceLabel('screening', 'not_eligible_reason', reason), n }));
  if (declinedConsent > 0) reasons.push({ reason: t('consort.declinedConsent'), n: declinedConsent });
  const arm = (name: 'ips' | 'control'): ArmFlow => ({
    allocated: c.randomized[name],
    withdrawn: c.withdrawn[name],
    followUp: Object.entries(c.assessed).map(([t, n]) => ({ timepoint: Number(t), completed: n[name] })).filter((f) => f.timepoint > 0),
    analysed: c.randomized[name],
  });
  const randomized = c.randomized.ips + c.randomized.control;
  return {
    referred: c.referred,
    assessed: c.screened,
    excluded: c.notEligible.total + declinedConsent,
    excludedReasons: reasons,
    awaiting: Math.max(0, c.consented - randomized - c.withdrawn.beforeRandomization),
    randomized,
    arms: { ips: arm('ips'), control: arm('control') },
  };
}

export async function render(main: HTMLElement): Promise<void> {
  const answer = await getJson(paths.consort);
  const counts = toDiagram((get<ServerCounts>(answer, 'consort') ?? answer) as ServerCounts);
  replace(main, h('h1', {}, t('consort.title')),
    h('p', { class: 'hint' }, t('consort.intro')),
    consortDiagram(counts), consortTable(counts));
}
