/**
 * The CONSORT flow diagram as SVG, drawn from counts (enrolment → allocation
 * → follow-up → analysis). Text goes in as text nodes, so nothing from the
 * server is ever parsed as markup. A table of the same numbers goes beside it
 * for screen readers and copying. Words from the staff catalogue, numbers
 * in the chosen locale.
 */
import { h, s } from '../modules/dom';
import { formatNumber } from './i18n';
import { armLabel } from './labels';
import { t } from './texts/index';

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

/** Splits a line into pieces that fit `width` (about 7.8 px per character at 14 px). */
export function wrapLine(line: string, width: number): string[] {
  const max = Math.max(10, Math.floor((width - 20) / 7.8));
  const pieces: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const next = current === '' ? word : `${current} ${word}`;
    if (next.length > max && current !== '') {
      pieces.push(current);
      current = word;
    } else current = next;
  }
  pieces.push(current);
  return pieces;
}

function box(x: number, y: number, width: number, lines: string[], id: string): { el: SVGElement; height: number } {
  // continuation pieces of a bullet line are indented under its text
  const wrapped = lines.flatMap((line, i) => wrapLine(line, width - (line.startsWith('• ') ? 12 : 0))
    .map((piece, j) => ({ piece, bold: i === 0, indent: j > 0 && line.startsWith('• ') ? 12 : 0 })));
  const height = 16 + wrapped.length * 20;
  const g = s('g', { id });
  g.appendChild(s('rect', { x, y, width, height, rx: 4, fill: '#fff', stroke: '#1b1f24', 'stroke-width': 1.5 }));
  wrapped.forEach(({ piece, bold, indent }, i) => g.appendChild(s('text', { x: x + 10 + indent, y: y + 24 + i * 20, 'font-size': 14, fill: '#1b1f24', 'font-weight': bold ? 600 : 400 }, piece)));
  return { el: g, height };
}

function arrow(x1: number, y1: number, x2: number, y2: number): SVGElement {
  return s('line', { x1, y1, x2, y2, stroke: '#1b1f24', 'stroke-width': 1.5, 'marker-end': 'url(#consort-arrow)' });
}

function armLines(name: 'ips' | 'control', arm: ArmFlow): { allocation: string[]; followUp: string[]; analysis: string[] } {
  return {
    allocation: [t('consort.allocatedN', { arm: armLabel(name), n: arm.allocated })],
    followUp: [t('consort.followUp'), t('consort.withdrawnN', { n: arm.withdrawn }), ...arm.followUp.map((f) => t('consort.followUpN', { count: f.timepoint, n: f.completed }))],
    analysis: [t('consort.analysedN', { n: arm.analysed })],
  };
}

export function consortDiagram(counts: ConsortCounts): HTMLElement {
  const svg = s('svg', { viewBox: `0 0 ${W} 640`, width: '100%', role: 'img', 'aria-labelledby': 'consort-title', class: 'consort' });
  svg.appendChild(s('title', { id: 'consort-title' }, t('consort.svgTitle', { assessed: counts.assessed, randomized: counts.randomized })));
  const defs = s('defs', {}, s('marker', { id: 'consort-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' }, s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#1b1f24' })));
  svg.appendChild(defs);
  const cx = (W - BOX_W) / 2;
  let y = 10;
  const enrol = box(cx, y, BOX_W, [t('consort.referredN', { n: counts.referred }), t('consort.assessedN', { n: counts.assessed })], 'consort-assessed');
  svg.appendChild(enrol.el);
  const excludedLines = [t('consort.excludedN', { n: counts.excluded }), ...counts.excludedReasons.map((r) => `• ${r.reason}: ${formatNumber(r.n)}`)];
  const excluded = box(W - 340, y + enrol.height + 10, 330, excludedLines, 'consort-excluded');
  svg.appendChild(excluded.el);
  svg.appendChild(arrow(W / 2, y + enrol.height + 10 + 20, W - 342, y + enrol.height + 10 + 20));
  y += enrol.height + 20 + excluded.height;
  if (counts.awaiting > 0) {
    const waiting = box(10, y - excluded.height, 230, [t('consort.awaiting'), t('consort.n', { n: counts.awaiting })], 'consort-awaiting');
    svg.appendChild(waiting.el);
  }
  svg.appendChild(arrow(W / 2, 10 + enrol.height, W / 2, y + 10));
  const randomized = box(cx, y + 10, BOX_W, [t('consort.randomizedN', { n: counts.randomized })], 'consort-randomized');
  svg.appendChild(randomized.el);
  y += 10 + randomized.height;
  const columns: [number, 'ips' | 'control', ArmFlow][] = [[20, 'ips', counts.arms.ips], [W / 2 + 20, 'control', counts.arms.control]];
  let bottom = y;
  for (const [x, name, arm] of columns) {
    const lines = armLines(name, arm);
    let ay = y + 40;
    svg.appendChild(arrow(W / 2, y, x + 170, ay));
    for (const [part, text] of [['allocation', lines.allocation], ['followup', lines.followUp], ['analysis', lines.analysis]] as const) {
      const b = box(x, ay, 340, text, `consort-${name}-${part}`);
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
  const cell = (c: string | number) => h('td', {}, typeof c === 'number' ? formatNumber(c) : c);
  const row = (label: string, total: string | number, ips: string | number = '', control: string | number = '') =>
    h('tr', {}, h('th', { scope: 'row' }, label), ...[total, ips, control].map(cell));
  const fu = (arm: ArmFlow) => arm.followUp.map((f) => t('consort.followUpShort', { count: f.timepoint, n: f.completed })).join(', ') || '–';
  return h('table', { class: 'data' },
    h('caption', {}, t('consort.counts')),
    h('thead', {}, h('tr', {}, ...[t('consort.stage'), t('consort.total'), t('arm.ips'), t('consort.usualCare')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {},
      row(t('consort.referred'), counts.referred),
      row(t('consort.assessed'), counts.assessed),
      row(t('consort.excluded'), counts.excluded),
      row(t('consort.awaiting'), counts.awaiting),
      row(t('consort.randomized'), counts.randomized, counts.arms.ips.allocated, counts.arms.control.allocated),
      row(t('consort.withdrawn'), counts.arms.ips.withdrawn + counts.arms.control.withdrawn, counts.arms.ips.withdrawn, counts.arms.control.withdrawn),
      row(t('consort.followUpCompleted'), '', fu(counts.arms.ips), fu(counts.arms.control)),
      row(t('consort.analysedItt'), counts.arms.ips.analysed + counts.arms.control.analysed, counts.arms.ips.analysed, counts.arms.control.analysed)));
}
