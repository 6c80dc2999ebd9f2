/**
 * Prepares an SVG document (as rendered by vega) for inlining in report.html:
 * drops the XML prolog and namespace declarations (an HTML parser needs none,
 * and the report then holds no URL at all), and makes the chart one image for
 * assistive technology: role="img", an aria-label and a <title> on the root,
 * no roles or labels inside. Ids inside
 * the SVG (vega's clip paths: "clip1" …) get a per-chart prefix, because
 * several charts share one page and an id must be unique in it.
 */
import { escapeHtml } from './escape-html';

/**
 * @param svg the SVG markup, starting with `<svg` (optionally after an XML prolog)
 * @param label what the chart shows, in words
 * @param idPrefix prefix for the ids inside this SVG (e.g. the chart id)
 * @throws when the text holds no `<svg` element
 */
export function inlineSvg(svg: string, label: string, idPrefix = 'chart'): string {
  const start = svg.indexOf('<svg');
  if (start === -1) throw new Error('inlineSvg requires an <svg> element');
  const body = svg.slice(start);
  const openEnd = body.indexOf('>');
  const open = body
    .slice(0, openEnd)
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\s+(role|aria-label|aria-roledescription)="[^"]*"/g, '');
  // inside one image, vega's per-mark roles and labels would be hidden from assistive technology anyway
  // (and axe flags graphics-symbol roles without text): the root's label describes the chart
  const rest = body
    .slice(openEnd + 1)
    .replace(/\s+xmlns(:\w+)?="[^"]*"/g, '')
    .replace(/\s+(role|aria-label|aria-roledescription)="[^"]*"/g, '');
  const text = escapeHtml(label);
  return prefixIds(`${open} role="img" aria-label="${text}"><title>${text}</title>${rest}`, idPrefix);
}

function prefixIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (whole, start: string, id: string) => `${start}${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${prefix}-${id})` : whole))
    .replace(/(href=")#([^"]+)"/g, (whole, start: string, id: string) => (ids.has(id) ? `${start}#${prefix}-${id}"` : whole));
}
