import { all, ApiError, newKey } from './api.js';
import { h } from './dom.js';
import { confirmationView } from './summary.js';
import { timePicker } from './picker.js';

const VISIT = ['in_person', 'remote_at_point'];
const REMOTE = ['video', 'phone'];

// The booking flow: service -> where -> time (a hold is taken) -> details -> confirmation.
export function bookingFlow(ctx) {
  const { call, t, lang, params, show, fail } = ctx;
  const state = {};

  function steps(current) {
    return h('ol', { class: 'steps', 'aria-label': t('steps') }, [1, 2, 3, 4, 5].map((n) =>
      h('li', { 'aria-current': n === current ? 'step' : false, class: n < current ? 'done' : '' }, t(`step${n}`))));
  }

  async function chooseService() {
    state.services ??= await all(call, '/services', { servicePoint: params.servicePoint, municipality: params.municipality,
      provider: params.provider });
    const preset = params.service && state.services.find((s) => s.id === params.service);
    if (preset && !state.presetUsed) {
      state.presetUsed = true;
      return chooseWhere(preset);
    }
    const list = h('div', { id: 'service-list' });
    const search = h('input', { id: 'service-search', type: 'search', 'aria-describedby': 'service-search-hint', autocomplete: 'off' });
    const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    const draw = () => {
      const q = search.value.trim().toLowerCase();
      const hits = state.services.filter((s) => !q || `${s.name} ${s.providerName} ${s.description ?? ''}`.toLowerCase().includes(q));
      const groups = Map.groupBy(hits, (s) => s.providerName);
      list.replaceChildren(...(hits.length === 0 ? [h('p', {}, t('noServices'))] : [...groups].map(([agency, services]) =>
        h('section', { class: 'agency', 'aria-label': agency }, h('h3', {}, agency), h('ul', { class: 'choices' }, services.map((s) =>
          h('li', {}, h('button', { type: 'button', class: 'choice', onclick: () => chooseWhere(s).catch(fail) },
            h('span', { class: 'choice-title' }, s.name),
            h('span', { class: 'choice-meta' },
              [t('minutes', { n: s.durationMinutes }), s.description].filter(Boolean).join(' · '))))))))));
      status.textContent = `${hits.length}`;
    };
    search.addEventListener('input', draw);
    draw();
    show(t('chooseService'), steps(1), h('h2', {}, t('chooseService')),
      h('div', { class: 'field' }, h('label', { for: 'service-search' }, t('search')),
        h('p', { id: 'service-search-hint', class: 'hint' }, t('searchHint')), search), status, list);
  }

  async function chooseWhere(service) {
    state.service = service;
    const visits = service.channels.filter((c) => VISIT.includes(c));
    let points = [];
    if (visits.length > 0) {
      points = await all(call, '/service-points', { service: service.id, municipality: params.municipality });
      if (params.servicePoint) points = points.filter((p) => p.id === params.servicePoint);
    }
    const remote = service.channels.filter((c) => REMOTE.includes(c));
    const option = (label, detail, choice) => h('li', {}, h('button', { type: 'button', class: 'choice',
      onclick: () => chooseTime(choice).catch(fail) }, h('span', { class: 'choice-title' }, label),
      detail ? h('span', { class: 'choice-meta' }, detail) : null));
    const blocks = [];
    if (visits.length > 0) {
      blocks.push(h('h3', {}, t('atPoint')), points.length === 0 ? h('p', {}, t('noPoints')) : h('ul', { class: 'choices' },
        points.flatMap((p) => visits.map((c) => option(`${p.name}: ${t(c)}`, `${p.address.streetAddress}, ${p.address.postalCode} ${
          p.address.postOffice}`, { channel: c, servicePointId: p.id, place: p })))));
    }
    if (remote.length > 0) {
      blocks.push(h('h3', {}, t('remote')), h('ul', { class: 'choices' }, remote.map((c) => option(t(c), null, { channel: c }))));
    }
    show(t('chooseWhere'), steps(2), h('h2', {}, t('chooseWhere')), h('p', { class: 'lead' }, service.name), ...blocks,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: () => chooseService().catch(fail) },
        t('back'))));
  }

  async function chooseTime(choice, notice) {
    state.choice = choice;
    const picker = timePicker({ call, t, lang, notice, onError: fail,
      ask: { serviceId: state.service.id, channel: choice.channel, servicePointId: choice.servicePointId },
      onPick: (slot, label) => hold(slot, label).catch(fail) });
    await picker.ready;
    show(t('chooseTime'), steps(3), h('p', { class: 'lead' }, `${state.service.name} · ${choice.place ? `${choice.place.name}: ` : ''}${
      t(choice.channel)}`), picker, h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary',
      onclick: () => chooseWhere(state.service).catch(fail) }, t('back'))));
  }

  async function hold(slot, label) {
    try {
      state.hold = await call('POST', '/holds', { body: { serviceId: slot.serviceId, start: slot.start, channel: slot.channel,
        servicePointId: slot.servicePointId ?? undefined } });
      state.slotLabel = label;
      state.heldMinutes = Math.max(1, Math.round((Date.parse(state.hold.expiresAt) - Date.now()) / 60000));
      details();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) return chooseTime(state.choice, t('taken'));
      throw e;
    }
  }

  async function release() {
    const held = state.hold;
    state.hold = null;
    if (held) {
      await call('DELETE', `/holds/${held.id}`, { headers: { 'X-Hold-Token': held.holdToken } }).catch(() => {});
    }
  }

  function details(errors = {}, values = {}) {
    const field = (id, label, input, hint) => {
      const message = errors[id];
      input.id = id;
      input.name = id;
      const described = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ');
      if (described) input.setAttribute('aria-describedby', described);
      if (message) input.setAttribute('aria-invalid', 'true');
      return h('div', { class: `field${message ? ' invalid' : ''}` }, h('label', { for: id }, label),
        hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null,
        message ? h('p', { id: `${id}-error`, class: 'error' }, message.join(' ')) : null, input);
    };
    const input = (type, value, extra = {}) => h('input', { type, value: value ?? '', ...extra });
    const language = h('select', {}, ['fi', 'sv', 'en'].map((l) => h('option', { value: l, selected: (values.language ?? lang) === l },
      { fi: 'suomi', sv: 'svenska', en: 'English' }[l])));
    const notes = h('textarea', { rows: 3, maxlength: 2000 });
    notes.value = values.notes ?? '';
    const labels = { name: t('name'), email: t('email'), phone: t('phone_'), language: t('customerLanguage'), notes: t('notes') };
    const count = Object.keys(errors).length;
    const summary = count === 0 ? null : h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', id: 'error-summary' },
      h('p', {}, t('fixErrors', { n: count })), h('ul', {}, Object.entries(errors).map(([id, m]) =>
        h('li', {}, h('a', { href: `#${id}` }, `${labels[id] ?? ''}: ${m.join(' ')}`)))));
    const form = h('form', { novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(form).catch(fail); } },
      field('name', `${t('name')} ${t('required')}`, input('text', values.name, { autocomplete: 'name', maxlength: 200 })),
      h('p', { class: 'hint', id: 'contact-hint' }, t('contactHint')),
      field('email', t('email'), input('email', values.email, { autocomplete: 'email', maxlength: 254 })),
      field('phone', t('phone_'), input('tel', values.phone, { autocomplete: 'tel', maxlength: 32 }), t('phoneHint')),
      field('language', t('customerLanguage'), language),
      field('notes', t('notes'), notes),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('confirm')),
        h('button', { type: 'button', class: 'secondary', onclick: () => back().catch(fail) }, t('back'))));
    const until = new Date(state.hold.expiresAt).toLocaleTimeString(lang === 'en' ? 'en-GB' : `${lang}-FI`,
      { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Helsinki' });
    const heldNote = h('p', { class: 'notice', role: 'status' }, t('held', { time: state.slotLabel, until }));
    show(t('details'), steps(4), h('h2', {}, t('details')), heldNote, summary, form);
    if (summary) summary.focus();
    // An expired hold is said at once: the time may still be free, but it is no longer kept for this citizen.
    clearTimeout(state.expiryTimer);
    const held = state.hold;
    state.expiryTimer = setTimeout(() => {
      if (state.hold !== held) return;
      heldNote.setAttribute('role', 'alert');
      heldNote.className = 'notice';
      heldNote.textContent = t('heldExpired', { minutes: state.heldMinutes });
    }, Math.max(0, Date.parse(held.expiresAt) - Date.now()));
  }

  async function back() {
    await release();
    await chooseTime(state.choice);
  }

  async function submit(form) {
    const v = Object.fromEntries(new FormData(form));
    const phone = v.phone.trim() || undefined;
    const email = v.email.trim() || undefined;
    const body = { holdId: state.hold.id, holdToken: state.hold.holdToken, notes: v.notes.trim() || undefined,
      customer: { name: v.name.trim(), email, phone, language: v.language } };
    // The same attempt (no answer yet) keeps its key; any answer ends the attempt.
    state.attempt ??= newKey();
    let booking;
    try {
      booking = await call('POST', '/bookings', { body, headers: { 'Idempotency-Key': state.attempt } });
      state.attempt = null;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      state.attempt = null;
      const expired = Date.parse(state.hold.expiresAt) <= Date.now();
      if ((e.status === 400 && e.errors.holdId) || (e.status === 409 && expired)) {
        state.hold = null;
        return chooseTime(state.choice, t('expired', { minutes: state.heldMinutes }));
      }
      if (e.status === 400) return details(fieldErrors(e.errors), v);
      if (e.status === 409) {
        state.hold = null;
        return chooseTime(state.choice, t('taken'));
      }
      throw e;
    }
    state.hold = null;
    const service = await call('GET', `/providers/${booking.providerId}/services/${booking.serviceId}`).catch(() => null);
    show(t('booked'), steps(5), confirmationView({ t, lang, booking, service, token: booking.manageToken, fresh: true }),
      h('div', { class: 'actions' }, h('a', { href: location.href, class: 'button secondary' }, t('newBooking'))));
  }

  return { start: chooseService, release };
}

// The API's field names mapped to the form's; a problem about the contact as a whole goes to e-mail.
function fieldErrors(errors) {
  const map = { 'customer.name': 'name', 'customer.email': 'email', 'customer.phone': 'phone', customer: 'email',
    'customer.language': 'language', notes: 'notes' };
  const out = {};
  for (const [k, m] of Object.entries(errors)) {
    const id = map[k] ?? 'name';
    out[id] = [...(out[id] ?? []), ...m];
  }
  return out;
}

