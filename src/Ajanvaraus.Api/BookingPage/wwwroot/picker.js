import { qs } from './api.js';
import { h } from './dom.js';
import { addDays, clock, dateTime, day, longDateTime } from './format.js';

const WINDOW_DAYS = 14;

// The time picker shared by booking and rescheduling: time first (each time says how many experts are free), one
// day at a time, the next free day one click away. Days are a labelled <select>, times a list of buttons whose text
// a screen reader reads whole ("ti 8.12. klo 9.00, 2 asiantuntijaa vapaana").
export function timePicker({ call, t, lang, ask, onPick, notice, onError }) {
  const root = h('section', { 'aria-labelledby': 'time-heading' });
  const state = { from: today(), items: [], cursor: null, day: null };

  async function load(more) {
    const params = { service: ask.serviceId, channel: ask.channel, servicePoint: ask.servicePointId, limit: 200 };
    const page = await call('GET', `/availability?${qs(more
      ? { ...params, from: state.from, to: addDays(state.from, WINDOW_DAYS - 1), cursor: state.cursor }
      : { ...params, from: state.from, to: addDays(state.from, WINDOW_DAYS - 1) })}`);
    state.items = more ? state.items.concat(page.items) : page.items;
    state.cursor = page.nextCursor ?? null;
  }

  const days = () => [...new Set(state.items.map((i) => i.start.slice(0, 10)))];

  async function nextFreeDay() {
    const list = days();
    const at = list.indexOf(state.day);
    if (at + 1 < list.length) {
      state.day = list[at + 1];
    } else if (state.cursor) {
      await load(true);
      state.day = days()[at + 1] ?? state.day;
    } else {
      state.from = addDays(state.from, WINDOW_DAYS);
      await load(false);
      state.day = days()[0] ?? null;
    }
    render(true);
  }

  function render(focusTimes) {
    const list = days();
    const body = [h('h2', { id: 'time-heading' }, t('chooseTime'))];
    if (notice) body.push(h('div', { class: 'notice', role: 'alert' }, notice));
    if (list.length === 0) {
      body.push(h('p', {}, t('noTimes', { n: WINDOW_DAYS })),
        h('button', { type: 'button', class: 'secondary', onclick: () => later().catch(onError) }, t('laterTimes')));
      root.replaceChildren(...body);
      return;
    }

    const select = h('select', { id: 'day-select', onchange: (e) => { state.day = e.target.value; render(false); } },
      list.map((d) => h('option', { value: d, selected: d === state.day }, day(d, lang))));
    const times = state.items.filter((i) => i.start.startsWith(state.day));
    const free = (n) => (n === 1 ? t('free.one') : t('free.many', { n }));
    body.push(
      h('div', { class: 'day-row' },
        h('div', { class: 'field' }, h('label', { for: 'day-select' }, t('day')), select),
        h('button', { type: 'button', class: 'secondary', id: 'next-free-day', onclick: () => nextFreeDay().catch(onError) },
          t('nextFreeDay'))),
      h('h3', { id: 'times-heading' }, t('times', { day: day(state.day, lang) })),
      h('ul', { class: 'times', 'aria-labelledby': 'times-heading' }, times.map((slot) => h('li', {},
        h('button', { type: 'button', class: 'time', 'data-start': slot.start, onclick: () => onPick(slot, dateTime(slot.start, lang)) },
          // The day is read out with each time (hidden on screen, where the heading says it); the visible text stays
          // part of the accessible name.
          h('span', { class: 'visually-hidden' }, `${longDateTime(slot.start, lang).replace(/\S+$/, '')}`),
          h('span', { class: 'clock' }, clock(slot.start, lang)), h('span', { class: 'visually-hidden' }, ', '),
          h('span', { class: 'free' }, free(slot.freeExperts)))))));
    root.replaceChildren(...body);
    if (focusTimes) root.querySelector('#times-heading')?.setAttribute('tabindex', '-1');
    if (focusTimes) root.querySelector('#times-heading')?.focus();
  }

  async function later() {
    state.from = addDays(state.from, WINDOW_DAYS);
    await load(false);
    state.day = days()[0] ?? null;
    render(true);
  }

  root.ready = (async () => {
    await load(false);
    state.day = days()[0] ?? null;
    render(false);
  })();
  return root;
}

// Today in Finland (the points' zone), as the API's `from` expects.
function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
}
