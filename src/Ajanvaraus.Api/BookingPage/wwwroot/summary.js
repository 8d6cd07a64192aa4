import { h } from './dom.js';
import { clock, dateTime } from './format.js';

// A booking as the citizen reads it: reference, time with weekday in the point's zone, place or meeting, what to
// bring, the calendar file and the manage link. Shared by the confirmation and the manage page.
export function confirmationView({ t, lang, booking, service, token, fresh }) {
  const rows = [
    [t('reference'), h('strong', { class: 'reference' }, booking.reference)],
    [t('service'), `${booking.serviceName} (${booking.providerName})`],
    [t('when'), `${dateTime(booking.start, lang)}–${clock(booking.end, lang)}`],
    [t('how'), t(booking.channel)],
  ];
  if (booking.servicePoint) {
    const p = booking.servicePoint;
    rows.push([t('where'), `${p.name}, ${p.streetAddress}, ${p.postalCode} ${p.postOffice}`]);
  }
  if (booking.meetingUrl) rows.push([t('meeting'), h('a', { href: booking.meetingUrl }, booking.meetingUrl)]);
  if (booking.channel === 'phone' && booking.customer.phone) rows.push([t('phone'), t('phoneCall', { phone: booking.customer.phone })]);
  rows.push([t('expert'), booking.expertName]);
  if (!fresh) rows.push([t('status'), t(booking.status)]);
  const bring = booking.instructions ?? service?.instruction;
  if (bring) rows.push([t('bring'), bring]);

  const manage = `${location.origin}/book/manage/${booking.id}?token=${encodeURIComponent(token)}&lang=${lang}`;
  const ics = `/api/v1/bookings/${booking.id}/calendar.ics?token=${encodeURIComponent(token)}`;
  return h('section', { 'aria-labelledby': 'summary-heading', class: 'summary' },
    h('h2', { id: 'summary-heading' }, fresh ? t('booked') : t('manageTitle')),
    h('dl', {}, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    booking.status === 'cancelled' ? null : h('p', {}, h('a', { href: ics, download: `${booking.reference}.ics`, class: 'button secondary',
      id: 'ics-link' }, t('ics'))),
    fresh ? h('div', { class: 'manage' }, h('p', {}, t('manageKeep')),
      h('p', {}, h('a', { href: manage, id: 'manage-link' }, t('manageLink')))) : null);
}
