// The public API, called exactly as a portal would. Problems (RFC 9457) become ApiError with their field errors.
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
    this.errors = problem?.errors ?? {};
    this.retryAfter = retryAfter;
  }
}

export function client(lang) {
  return async function call(method, path, { body, headers = {} } = {}) {
    const init = { method, headers: { Accept: 'application/json', 'Accept-Language': lang, ...headers } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`/api/v1${path}`, init);
    const text = await response.text();
    const json = text ? safeParse(text) : null;
    if (!response.ok) {
      throw new ApiError(response.status, json, retryAfterSeconds(response.headers.get('Retry-After')));
    }
    return json;
  };
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// Retry-After is seconds or an HTTP date.
function retryAfterSeconds(value) {
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(1, Math.ceil((at - Date.now()) / 1000));
}

// A fresh key per booking attempt; a retry of the same attempt (no answer came) reuses it.
export function newKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  return p.toString();
}

// Follows nextCursor for the small lists a page needs (services, points).
export async function all(call, path, params) {
  const items = [];
  let cursor = null;
  for (let i = 0; i < 20; i++) {
    const page = await call('GET', `${path}?${qs({ ...params, limit: 100, cursor })}`);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}
