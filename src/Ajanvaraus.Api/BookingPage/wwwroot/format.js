// Dates and times as Finnish public services write them, in the service point's own time: the API answers every time
// with the point's offset, so the wall-clock fields are read straight from the ISO text (no browser zone involved).
const WEEKDAYS = {
  fi: ['su', 'ma', 'ti', 'ke', 'to', 'pe', 'la'],
  sv: ['sön', 'mån', 'tis', 'ons', 'tors', 'fre', 'lör'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const LONG_WEEKDAYS = {
  fi: ['sunnuntai', 'maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai'],
  sv: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function parts(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  return { y, mo, d, h, mi, weekday: new Date(Date.UTC(y, mo - 1, d)).getUTCDay(), day: `${m[1]}-${m[2]}-${m[3]}` };
}

// 9.00 (fi, sv) or 9:00 (en)
export function clock(iso, lang) {
  const p = parts(iso);
  return `${p.h}${lang === 'en' ? ':' : '.'}${String(p.mi).padStart(2, '0')}`;
}

// ti 8.12. | tis 8.12 | Tue 8 Dec
export function day(isoOrDay, lang) {
  const p = parts(isoOrDay.length === 10 ? `${isoOrDay}T00:00` : isoOrDay);
  const wd = WEEKDAYS[lang][p.weekday];
  if (lang === 'sv') return `${wd} ${p.d}.${p.mo}`;
  if (lang === 'en') return `${wd} ${p.d} ${MONTHS[p.mo - 1]}`;
  return `${wd} ${p.d}.${p.mo}.`;
}

// ti 8.12. klo 9.00 | tis 8.12 kl. 9.00 | Tue 8 Dec at 9:00
export function dateTime(iso, lang) {
  const word = { fi: 'klo', sv: 'kl.', en: 'at' }[lang];
  return `${day(iso, lang)} ${word} ${clock(iso, lang)}`;
}

// The full form for the confirmation and screen readers: tiistai 8.12.2026 klo 9.00
export function longDateTime(iso, lang) {
  const p = parts(iso);
  const word = { fi: 'klo', sv: 'kl.', en: 'at' }[lang];
  const date = lang === 'en' ? `${p.d} ${day(iso, 'en').split(' ')[2]} ${p.y}` : `${p.d}.${p.mo}.${p.y}`;
  return `${LONG_WEEKDAYS[lang][p.weekday]} ${date} ${word} ${clock(iso, lang)}`;
}

export function addDays(dayText, n) {
  const [y, m, d] = dayText.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
