/**
 * The CONSORT flow diagram as SVG, drawn from counts (enrolment → allocation
 * → follow-up → analysis). Text goes in as text nodes, so nothing from the
 * server is ever parsed as markup. A table of the same numbers goes beside it
 * for screen readers and copying.
 */
import { h, s } from '../modules/dom';

export interface ArmFlow {
  allocated: number;
  /** withdrew or were lost before the last follow-up */
  withdrawn: number;
  /** completed assessments per follow-up timepoint (months) */
  followUp: { timepoint: number; completed: number }[];
  analysed: number;
}

export interface ConsortCounts {
  referred: number;
  assessed: number;
  excluded: number;
  excludedReasons: { reason: string; n: number }[];
  /** eligible and consented, waiting for randomization */
  awaiting: number;
  randomized: number;
  arms: { ips: ArmFlow; control: ArmFlow };
}

const W = 760;
const BOX_W = 300;

function box(x: number, y: number, width: number, lines: string[], id: string): { el: SVGElement; height: number } {
  const height = 16 + lines.length * 20;
  const g = s('g', { id });
  g.appendChild(s('rect', { x, y, width, height, rx: 4, fill: '#fff', stroke: '#1b1f24', 'stroke-width': 1.5 }));
  lines.forEach((line, i) => g.appendChild(s('text', { x: x + 10, y: y + 24 + i * 20, 'font-size': 14, fill: '#1b1f24', 'font-weight': i === 0 ? 600 : 400 }, line)));
  return { el: g, height };
}

function arrow(x1: number, y1: number, x2: number, y2: number): SVGElement {
  return s('line', { x1, y1, x2, y2, stroke: '#1b1f24', 'stroke-width': 1.5, 'marker-end': 'url(#consort-arrow)' });
}

function armLines(label: string, arm: ArmFlow): { allocation: string[]; followUp: string[]; analysis: string[] } {
  return {
    allocation: [`Allocated to ${label} (n = ${arm.allocated})`],
    followUp: ['Follow-up', `Withdrawn (n = ${arm.withdrawn})`, ...arm.followUp.map((f) => `${f.timepoint} months: completed n = ${f.completed}`)],
    analysis: [`Analysed (n = ${arm.analysed})`],
  };
}

export function consortDiagram(counts: ConsortCounts): HTMLElement {
  const svg = s('svg', { viewBox: `0 0 ${W} 640`, width: '100%', role: 'img', 'aria-labelledby': 'consort-title', class: 'consort' });
  svg.appendChild(s('title', { id: 'consort-title' }, `CONSORT flow: ${counts.assessed} assessed for eligibility, ${counts.randomized} randomized`));
  const defs = s('defs', {}, s('marker', { id: 'consort-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' }, s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#1b1f24' })));
  svg.appendChild(defs);
  const cx = (W - BOX_W) / 2;
  let y = 10;
  const enrol = box(cx, y, BOX_W, [`Referred (n = ${counts.referred})`, `Assessed for eligibility (n = ${counts.assessed})`], 'consort-assessed');
  svg.appendChild(enrol.el);
  const excludedLines = [`Excluded (n = ${counts.excluded})`, ...counts.excludedReasons.map((r) => `• ${r.reason}: ${r.n}`)];
  const excluded = box(W - 250, y + enrol.height + 10, 240, excludedLines, 'consort-excluded');
  svg.appendChild(excluded.el);
  svg.appendChild(arrow(W / 2, y + enrol.height + 10 + 20, W - 252, y + enrol.height + 10 + 20));
  y += enrol.height + 20 + excluded.height;
  if (counts.awaiting > 0) {
    const waiting = box(10, y - excluded.height, 230, [`Awaiting randomization`, `(n = ${counts.awaiting})`], 'consort-awaiting');
    svg.appendChild(waiting.el);
  }
  svg.appendChild(arrow(W / 2, 10 + enrol.height, W / 2, y + 10));
  const randomized = box(cx, y + 10, BOX_W, [`Randomized (n = ${counts.randomized})`], 'consort-randomized');
  svg.appendChild(randomized.el);
  y += 10 + randomized.height;
  const columns: [number, string, ArmFlow][] = [[20, 'IPS', counts.arms.ips], [W / 2 + 20, 'usual care', counts.arms.control]];
  let bottom = y;
  for (const [x, label, arm] of columns) {
    const lines = armLines(label, arm);
    let ay = y + 40;
    svg.appendChild(arrow(W / 2, y, x + 170, ay));
    for (const [part, text] of [['allocation', lines.allocation], ['followup', lines.followUp], ['analysis', lines.analysis]] as const) {
      const b = box(x, ay, 340, text, `consort-${label === 'IPS' ? 'ips' : 'control'}-${part}`);
      svg.appendChild(b.el);
      ay += b.height + 30;
      if (part !== 'analysis') svg.appendChild(arrow(x + 170, ay - 30, x + 170, ay));
    }
    bottom = Math.max(bottom, ay);
  }
  svg.setAttribute('viewBox', `0 0 ${W} ${bottom}`);
  return h('figure', { class: 'consort-figure' }, svg as unknown as HTMLElement);
}

/** The same numbers as a table. */
export function consortTable(counts: ConsortCounts): HTMLTableElement {
  const row = (label: string, total: string | number, ips: string | number = '', control: string | number = '') =>
    h('tr', {}, h('th', { scope: 'row' }, label), ...[total, ips, control].map((c) => h('td', {}, String(c))));
  const fu = (arm: ArmFlow) => arm.followUp.map((f) => `${f.timepoint} mo: ${f.completed}`).join(', ') || '–';
  return h('table', { class: 'data' },
    h('caption', {}, 'CONSORT counts'),
    h('thead', {}, h('tr', {}, ...['Stage', 'Total', 'IPS', 'Usual care'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {},
      row('Referred', counts.referred),
      row('Assessed for eligibility', counts.assessed),
      row('Excluded', counts.excluded),
      row('Awaiting randomization', counts.awaiting),
      row('Randomized', counts.randomized, counts.arms.ips.allocated, counts.arms.control.allocated),
      row('Withdrawn', counts.arms.ips.withdrawn + counts.arms.control.withdrawn, counts.arms.ips.withdrawn, counts.arms.control.withdrawn),
      row('Follow-up completed', '', fu(counts.arms.ips), fu(counts.arms.control)),
      row('Analysed (intention to treat)', counts.arms.ips.analysed + counts.arms.control.analysed, counts.arms.ips.analysed, counts.arms.control.analysed)));
}
