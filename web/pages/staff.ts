/** Entry of the staff workspace (`index.html`, the single-page entry). */
import { startStaff } from '../staff/app';

if (location.pathname === '/tablet') location.replace('/tablet.html');
const root = document.getElementById('app');
if (root) void startStaff(root);
