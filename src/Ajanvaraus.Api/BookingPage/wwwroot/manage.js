import { ApiError } from './api.js';
import { h } from './dom.js';
import { dateTime } from './format.js';
import { timePicker } from './picker.js';
import { confirmationView } from './summary.js';

// /book/manage/{id}?token=: shows the booking; rescheduling and cancelling each ask for a confirmation first, so
// opening the link (as mail scanners do) never changes anything.
export function manageFlow(ctx, bookingId, token) {
  const { call, t, lang, show, fail } = ctx;
  const headers = { 'X-Manage-Token': token };
  const state = {};

  async function view(message) {
    try {
      state.booking = await call('GET', `/bookings/${bookingId}`, { headers });
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) {
        return show(t('manageTitle'), h('h2', {}, t('manageTitle')), h('p', { role: 'alert' }, t('notFound')));
      }
      throw e;
    }
    const b = state.booking;
    state.service ??= await call('GET', `/providers/${b.providerId}/services/${b.serviceId}`).catch(() => null);
    const cutoff = state.service?.cancellationCutoffMinutes ?? 0;
    const changeable = b.status === 'confirmed' && Date.parse(b.start) - cutoff * 60000 > Date.now();
    const actions = b.status !== 'confirmed' ? [] : changeable
      ? [h('button', { type: 'button', class: 'primary', id: 'reschedule', onclick: () => reschedule().catch(fail) }, t('reschedule')),
        h('button', { type: 'button', class: 'danger', id: 'cancel', onclick: () => askCancel() }, t('cancel'))]
      : [h('p', {}, t('cutoff', { hours: Math.round(cutoff / 60) }))];
    show(t('manageTitle'), message ? h('div', { class: 'notice', role: 'status' }, message) : null,
      confirmationView({ t, lang, booking: b, service: state.service, token, fresh: false }),
      h('div', { class: 'actions' }, actions));
  }

  function confirmStep(question, yes, no, onYes) {
    show(question, h('h2', {}, question), h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', id: 'confirm-yes', onclick: () => onYes().catch(fail) }, yes),
      h('button', { type: 'button', class: 'secondary', onclick: () => view().catch(fail) }, no)));
  }

  function askCancel() {
    const when = dateTime(state.booking.start, lang);
    confirmStep(t('cancelConfirm', { time: when }), t('cancelYes'), t('cancelNo'), async () => {
      try {
        await call('POST', `/bookings/${bookingId}/cancel`, { body: {}, headers });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) return view(e.message);
        throw e;
      }
      await view(t('cancelledDone'));
    });
  }

  async function reschedule(notice) {
    const b = state.booking;
    const picker = timePicker({ call, t, lang, notice, onError: fail,
      ask: { serviceId: b.serviceId, channel: b.channel, servicePointId: b.servicePointId },
      onPick: (slot, label) => confirmStep(t('moveConfirm', { time: label }), t('moveYes'), t('back'), () => move(slot, label)) });
    await picker.ready;
    show(t('reschedule'), h('p', { class: 'lead' }, b.serviceName), picker, h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => view().catch(fail) }, t('back'))));
  }

  async function move(slot, label) {
    try {
      // No expertId: any free expert of the new time (the booking's own expert too).
      await call('POST', `/bookings/${bookingId}/reschedule`, { headers,
        body: { start: slot.start, channel: slot.channel, servicePointId: slot.servicePointId ?? undefined } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) return reschedule(t('taken'));
      throw e;
    }
    await view(t('moved', { time: label }));
  }

  return { start: () => view() };
}
