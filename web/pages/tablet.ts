/** Entry of the participant tablet page (`tablet.html`). */
import { startTablet } from '../tablet/app';

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
const root = document.getElementById('app');
if (root) void startTablet(root);
