/** Reports and exports: what evaluators see (anonymized; the server enforces the roles). */
import { h, replace } from '../../modules/dom';
import type { RouteContext } from '../routes';

export async function render(main: HTMLElement, { user }: RouteContext): Promise<void> {
  replace(main, h('h1', {}, 'Reports & exports'),
    h('section', { class: 'card' }, h('h2', {}, 'Trial flow'), h('p', {}, h('a', { href: '#/consort' }, 'CONSORT flow diagram'), ' (counts only, live).')),
    h('section', { class: 'card' }, h('h2', {}, 'Anonymized exports and the cost-effectiveness report'),
      h('p', {}, 'Exports contain study ids only, never names or national ids. They are made with the command line: ',
        h('code', {}, 'npx ips-trial export'), ', and the report with ', h('code', {}, 'npx ips-trial analyze <dataset folder>'), ' (see the README).')),
    user.role === 'admin' || user.role === 'data_monitor'
      ? h('section', { class: 'card' }, h('h2', {}, 'Audit trail'), h('p', {}, h('a', { href: '/api/audit.csv' }, 'Download the audit trail (CSV)'), ' — the download itself is audited.'))
      : null);
}
