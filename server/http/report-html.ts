/**
 * Sending a self-contained report page (the ICER report, the funder report):
 * the app's CSP allows styles from our own files only (`style-src 'self'`),
 * which would block the report's one inline `<style>`. A report page gets its
 * own, narrower policy instead: nothing may load (`default-src 'none'`, no
 * script at all), images only as data: URLs, and exactly the style elements
 * the served HTML contains, each allowed by its SHA-256 hash — never
 * `'unsafe-inline'`. The hashes are taken from the very text sent, so a
 * report stored by an older version still opens styled.
 */
import { createHash } from 'node:crypto';
import type { Response } from 'express';

const STYLE_ELEMENT = /<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi;

/** The CSP source of each `<style>` element's text: `'sha256-<base64>'`. */
export function styleHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(STYLE_ELEMENT)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** The Content-Security-Policy of a report page. */
export function reportPolicy(html: string): string {
  const styles = styleHashes(html);
  return [
    "default-src 'none'",
    `style-src ${styles.length ? styles.join(' ') : "'none'"}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Sends `html` as a report page with its own CSP (replacing the app's). */
export function sendReportHtml(res: Response, html: string): void {
  res.setHeader('Content-Security-Policy', reportPolicy(html));
  res.type('html').send(html);
}
