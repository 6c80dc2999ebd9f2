/**
 * A QR code of a text as inline SVG (qrcode-generator, MIT, no
 * dependencies): one path of dark modules with a 4-module quiet zone,
 * error correction M, drawn with DOM calls (the CSP allows no inline markup).
 */
import qrcode from 'qrcode-generator';
import { s } from '../modules/dom';

export function qrCodeSvg(text: string, label: string): SVGElement {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const quiet = 4;
  const size = count + 2 * quiet;
  let d = '';
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) if (qr.isDark(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  }
  return s('svg', { viewBox: `0 0 ${size} ${size}`, class: 'qr-code', role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges', 'data-modules': count },
    s('rect', { width: size, height: size, fill: '#fff' }),
    s('path', { d, fill: '#000' }));
}
