/**
 * What a home-code slip needs besides the code (pure functions): the code
 * in groups that can be read aloud and typed back (3-3-4; the tablet ignores
 * spaces and dashes), and the full address of the questionnaire page — from
 * the configured public address (IPS_TRIAL_PUBLIC_URL) or, without one,
 * from the address the staff member's browser used to reach the server.
 */

/** "K7QMXP2WRT" → "K7Q MXP 2WRT": groups of 3, 3 and 4 (a code of another length: groups of 4). */
export function groupHomeCode(code: string): string {
  if (code.length === 10) return `${code.slice(0, 3)} ${code.slice(3, 6)} ${code.slice(6)}`;
  return code.match(/.{1,4}/g)?.join(' ') ?? code;
}

/** A Host header we would print on paper: a name or an address, with an optional port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The questionnaire's full address: `tablet.html` under the public address
 * when configured, else under the request's protocol and host (behind a
 * proxy, IPS_TRIAL_TRUST_PROXY makes the protocol the proxy's). Null when
 * neither gives a usable address.
 */
export function tabletAddress(publicUrl: string | null, request: { protocol: string; host: string | undefined }): string | null {
  if (publicUrl) return new URL('tablet.html', publicUrl).href;
  if (!request.host || !HOST.test(request.host) || !['http', 'https'].includes(request.protocol)) return null;
  return `${request.protocol}://${request.host}/tablet.html`;
}
