import { ApiError, client } from './api.js';
import { bookingFlow } from './booking.js';
import { h, focusHeading } from './dom.js';
import { manageFlow } from './manage.js';
import { LANGUAGE_NAMES, LANGUAGES, translator } from './texts.js';

// Entry: reads the embedding parameters, picks the view from the path, and keeps the iframe's height told to its parent.
const query = new URLSearchParams(location.search);
const asked = query.get('lang') ?? navigator.languages?.map((l) => l.slice(0, 2)).find((l) => LANGUAGES.includes(l));
const lang = LANGUAGES.includes(asked) ? asked : 'fi';
const t = translator(lang);
const params = Object.fromEntries(['servicePoint', 'municipality', 'provider', 'service'].map((k) => [k, query.get(k) || undefined]));
const main = document.getElementById('main');
const alerts = document.getElementById('alerts');

document.documentElement.lang = lang;
document.getElementById('site-title').textContent = t('title');
document.getElementById('skip').textContent = t('skip');

function show(title, ...content) {
  alerts.replaceChildren();
  document.title = `${title} – ${t('title')}`;
  main.replaceChildren(...content.filter(Boolean));
  focusHeading(main);
}

// Errors the citizen can act on: when to try again, or simply to retry.
function fail(error) {
  console.error(error);
  let text = t('network');
  if (error instanceof ApiError) {
    text = error.status === 429
      ? (error.retryAfter ? t('rateLimited', { seconds: error.retryAfter }) : t('rateLimitedLater'))
      : `${t('error')}: ${error.message}`;
  }
  alerts.replaceChildren(h('div', { class: 'alert', role: 'alert' }, h('p', {}, text)));
}

function languageLinks() {
  const nav = h('nav', { 'aria-label': t('language') }, h('ul', { class: 'languages' }, LANGUAGES.map((l) => {
    const u = new URL(location.href);
    u.searchParams.set('lang', l);
    return h('li', {}, h('a', { href: u.pathname + u.search, lang: l, hreflang: l, 'aria-current': l === lang ? 'true' : false },
      LANGUAGE_NAMES[l]));
  })));
  document.getElementById('languages').replaceChildren(nav);
}

function statement() {
  const back = new URL(location.href);
  back.pathname = '/book';
  show(t('a11y'), h('h2', {}, t('a11y')), ...t('a11yBody').map((p) => h('p', {}, p)),
    h('p', {}, h('a', { href: back.pathname + back.search }, t('a11yBack'))));
}

function footer() {
  const u = new URL(location.href);
  u.pathname = '/book/accessibility';
  u.searchParams.delete('token');
  document.getElementById('footer').replaceChildren(h('a', { href: u.pathname + u.search }, t('a11y')));
}

// The embedding page learns the content's height (embed.js listens) so the iframe never needs its own scrollbar.
function reportHeight() {
  if (window.parent === window) return;
  // The body's own extent, not scrollHeight: that never shrinks below the frame, so the frame could only grow.
  const height = () => Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY);
  const send = () => window.parent.postMessage({ type: 'ajanvaraus:height', height: height() }, '*');
  new ResizeObserver(send).observe(document.body);
  send();
}

const ctx = { call: client(lang), t, lang, params, show, fail };
languageLinks();
footer();
reportHeight();
const manage = /^\/book\/manage\/([0-9a-f-]{36})\/?$/i.exec(location.pathname);
const flow = manage ? manageFlow(ctx, manage[1], query.get('token') ?? '')
  : location.pathname.startsWith('/book/accessibility') ? { start: async () => statement() } : bookingFlow(ctx);
main.textContent = t('loading');
flow.start().catch(fail);
// A hold left behind when the citizen leaves is released (the API also lets it expire).
window.addEventListener('pagehide', () => flow.release?.());
