/**
 * The service worker: precaches the tablet page's shell (HTML, script,
 * style — names injected by web/build.ts) so that a reload without network
 * still opens the questionnaire; the answers themselves live in IndexedDB.
 * The tablet page is fetched network-first (a new build reaches tablets at
 * once when online) and falls back to the cache; hashed assets are
 * cache-first. Nothing else (the API, the staff pages) is touched.
 */
declare const __SHELL__: string[];
declare const __VERSION__: string;

const CACHE = `ips-trial-tablet-${__VERSION__}`;
const SHELL: string[] = __SHELL__;
const PAGE = '/tablet.html';

interface ExtendableEvent extends Event { waitUntil(promise: Promise<unknown>): void }
interface FetchEvent extends ExtendableEvent { request: Request; respondWith(response: Promise<Response> | Response): void }
const worker = self as unknown as {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
};

worker.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('ips-trial-tablet-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => worker.clients.claim()),
  );
});

async function pageNetworkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(PAGE, response.clone());
    return response;
  } catch {
    const cached = await cache.match(PAGE);
    if (cached) return cached;
    throw new Error('offline and the tablet page is not cached');
  }
}

async function assetCacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request);
  return cached ?? fetch(request);
}

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (url.pathname === PAGE || url.pathname === '/tablet') event.respondWith(pageNetworkFirst(event.request));
  else if (SHELL.includes(url.pathname)) event.respondWith(assetCacheFirst(event.request));
});
