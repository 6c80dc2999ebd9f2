/**
 * Renders a Vega-Lite spec to SVG markup in Node: vega-lite compiles it to a
 * Vega spec, and a headless vega View (renderer "none") draws it to an SVG
 * string. No browser, no canvas, no network: the data are inline in the spec.
 * Both are loaded from their single-file builds (./vega-builds: much faster
 * to load through tsx than their ES modules).
 */
import type { TopLevelSpec } from 'vega-lite';
import { vega, vegaLite } from './vega-builds';

const { parse, View } = vega;
const { compile } = vegaLite;

/**
 * @param spec a Vega-Lite spec with inline data
 * @returns the SVG document as text
 * @throws when vega-lite cannot compile the spec or vega cannot render it
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vegaSpec = compile(spec).spec;
  const view = new View(parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
