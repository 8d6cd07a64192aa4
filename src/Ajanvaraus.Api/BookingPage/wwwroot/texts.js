// Every text of the page in Finnish, Swedish and English. {name} is filled in by t().
const fi = {
  title: 'Ajanvaraus', skip: 'Siirry sisältöön', language: 'Kieli', steps: 'Vaiheet',
  step1: 'Palvelu', step2: 'Paikka', step3: 'Aika', step4: 'Tiedot', step5: 'Vahvistus',
  chooseService: 'Valitse palvelu', search: 'Hae palvelua', searchHint: 'Kirjoita palvelun tai viraston nimi.',
  noServices: 'Hakua vastaavia palveluja ei löytynyt.', minutes: '{n} min',
  chooseWhere: 'Valitse asiointitapa ja paikka', atPoint: 'Palvelupisteessä', remote: 'Etänä',
  in_person: 'Käynti palvelupisteessä', remote_at_point: 'Etäyhteys palvelupisteessä', video: 'Videotapaaminen kotoa',
  phone: 'Puhelinaika', noPoints: 'Tätä palvelua ei voi varata palvelupisteeseen tällä haulla.',
  chooseTime: 'Valitse aika', day: 'Päivä', times: 'Vapaat ajat {day}', noTimesDay: 'Tälle päivälle ei ole vapaita aikoja.',
  nextFreeDay: 'Seuraava vapaa päivä', noTimes: 'Vapaita aikoja ei löytynyt seuraavalta {n} päivältä.',
  laterTimes: 'Näytä myöhemmät päivät', free: { one: '1 asiantuntija vapaana', many: '{n} asiantuntijaa vapaana' },
  heldExpired: 'Aikasi varaus vanheni ({minutes} min). Voit silti yrittää vahvistaa: jos aika on yhä vapaa, se varataan sinulle.',
  holding: 'Varataan aikaa…', held: 'Aika {time} on varattu sinulle {until} asti.',
  details: 'Yhteystietosi', name: 'Nimi', email: 'Sähköposti', phone_: 'Puhelinnumero', customerLanguage: 'Asiointikieli',
  notes: 'Lisätietoja (valinnainen)', contactHint: 'Anna sähköposti tai puhelinnumero: sinne tulee vahvistus ja muistutukset.',
  phoneHint: 'Esimerkiksi 040 123 4567.', required: '(pakollinen)', confirm: 'Vahvista varaus', back: 'Takaisin',
  fixErrors: 'Korjaa lomakkeen virheet: {n} kpl.', nameRequired: 'Kirjoita nimesi.',
  booked: 'Aika on varattu', reference: 'Varaustunnus', when: 'Aika', where: 'Paikka', how: 'Asiointitapa',
  service: 'Palvelu', expert: 'Asiantuntija', bring: 'Ota mukaan', meeting: 'Videotapaamisen linkki',
  phoneCall: 'Asiantuntija soittaa sinulle numeroon {phone}.', ics: 'Lataa kalenteriin (.ics)',
  manageLink: 'Muuta tai peru varaus', manageKeep: 'Tallenna tämä linkki: sillä voit muuttaa tai perua varauksen.',
  newBooking: 'Tee uusi varaus',
  manageTitle: 'Varauksesi', status: 'Tila', confirmed: 'Vahvistettu', checked_in: 'Ilmoittauduttu', cancelled: 'Peruttu',
  completed: 'Käyty', no_show: 'Ei saapunut', reschedule: 'Muuta aikaa', cancel: 'Peru varaus',
  cancelConfirm: 'Haluatko varmasti perua varauksen {time}?', cancelYes: 'Kyllä, peru varaus', cancelNo: 'Älä peru',
  cancelledDone: 'Varaus on peruttu.', moveConfirm: 'Siirretäänkö varaus aikaan {time}?', moveYes: 'Kyllä, siirrä',
  moved: 'Varaus on siirretty aikaan {time}.',
  cutoff: 'Varausta voi muuttaa tai perua vain {hours} tuntia ennen alkua. Ota yhteyttä palvelupisteeseen.',
  notFound: 'Varausta ei löytynyt. Tarkista linkki viestistäsi.', loading: 'Ladataan…',
  taken: 'Joku ehti varata tämän ajan. Valitse toinen aika; tässä seuraavat vapaat:',
  expired: 'Aikasi varaus vanheni ({minutes} min). Valitse aika uudelleen.',
  rateLimited: 'Liian monta pyyntöä. Yritä uudelleen {seconds} sekunnin kuluttua.',
  rateLimitedLater: 'Liian monta pyyntöä. Yritä hetken kuluttua uudelleen.',
  network: 'Yhteys palveluun katkesi. Yritä uudelleen.', retry: 'Yritä uudelleen', error: 'Virhe',
  a11y: 'Saavutettavuusseloste', a11yBack: 'Takaisin ajanvaraukseen',
  a11yBody: [
    'Tämä ajanvaraussivu pyrkii täyttämään WCAG 2.1 -ohjeiston AA-tason vaatimukset, kuten laki digitaalisten palvelujen ' +
      'tarjoamisesta (306/2019) edellyttää.',
    'Sivua voi käyttää pelkällä näppäimistöllä ja ruudunlukijalla; tekstiä voi suurentaa 200 prosenttiin, ja sivu toimii ' +
      '320 pikselin levyisellä näytöllä. Saavutettavuus testataan automaattisesti axe-työkalulla jokaisessa vaiheessa.',
    'Tunnetut puutteet: palveluiden kuvaukset ja "ota mukaan" -tekstit tulevat virastoilta sellaisinaan.',
    'Palaute ja yhteystiedot: jos havaitset saavutettavuusongelman, ota yhteyttä palvelupisteeseen. Jos et saa vastausta ' +
      'kahden viikon kuluessa, voit tehdä ilmoituksen Etelä-Suomen aluehallintovirastolle (saavutettavuusvaatimukset.fi).',
  ],
};

const sv = {
  title: 'Tidsbokning', skip: 'Gå till innehållet', language: 'Språk', steps: 'Steg',
  step1: 'Tjänst', step2: 'Plats', step3: 'Tid', step4: 'Uppgifter', step5: 'Bekräftelse',
  chooseService: 'Välj tjänst', search: 'Sök tjänst', searchHint: 'Skriv namnet på tjänsten eller myndigheten.',
  noServices: 'Inga tjänster motsvarar sökningen.', minutes: '{n} min',
  chooseWhere: 'Välj hur och var', atPoint: 'Vid ett serviceställe', remote: 'På distans',
  in_person: 'Besök vid servicestället', remote_at_point: 'Distansförbindelse vid servicestället', video: 'Videomöte hemifrån',
  phone: 'Telefontid', noPoints: 'Tjänsten kan inte bokas till ett serviceställe med denna sökning.',
  chooseTime: 'Välj tid', day: 'Dag', times: 'Lediga tider {day}', noTimesDay: 'Inga lediga tider denna dag.',
  nextFreeDay: 'Nästa lediga dag', noTimes: 'Inga lediga tider de följande {n} dagarna.',
  laterTimes: 'Visa senare dagar', free: { one: '1 sakkunnig ledig', many: '{n} sakkunniga lediga' },
  heldExpired: 'Reservationen av tiden gick ut ({minutes} min). Du kan ändå försöka bekräfta: är tiden fortfarande ledig ' +
    'bokas den för dig.',
  holding: 'Tiden reserveras…', held: 'Tiden {time} är reserverad för dig till {until}.',
  details: 'Dina kontaktuppgifter', name: 'Namn', email: 'E-post', phone_: 'Telefonnummer', customerLanguage: 'Ärendespråk',
  notes: 'Tilläggsuppgifter (frivilligt)', contactHint: 'Ange e-post eller telefonnummer: dit skickas bekräftelsen och påminnelser.',
  phoneHint: 'Till exempel 040 123 4567.', required: '(obligatorisk)', confirm: 'Bekräfta bokningen', back: 'Tillbaka',
  fixErrors: 'Rätta felen i formuläret: {n} st.', nameRequired: 'Skriv ditt namn.',
  booked: 'Tiden är bokad', reference: 'Bokningskod', when: 'Tid', where: 'Plats', how: 'Sätt att uträtta ärendet',
  service: 'Tjänst', expert: 'Sakkunnig', bring: 'Ta med', meeting: 'Länk till videomötet',
  phoneCall: 'Den sakkunniga ringer dig på numret {phone}.', ics: 'Ladda ner till kalendern (.ics)',
  manageLink: 'Ändra eller avboka', manageKeep: 'Spara länken: med den kan du ändra eller avboka tiden.',
  newBooking: 'Gör en ny bokning',
  manageTitle: 'Din bokning', status: 'Status', confirmed: 'Bekräftad', checked_in: 'Anmäld', cancelled: 'Avbokad',
  completed: 'Genomförd', no_show: 'Uteblev', reschedule: 'Ändra tid', cancel: 'Avboka',
  cancelConfirm: 'Vill du verkligen avboka tiden {time}?', cancelYes: 'Ja, avboka', cancelNo: 'Avboka inte',
  cancelledDone: 'Bokningen är avbokad.', moveConfirm: 'Flytta bokningen till {time}?', moveYes: 'Ja, flytta',
  moved: 'Bokningen är flyttad till {time}.',
  cutoff: 'Bokningen kan ändras eller avbokas senast {hours} timmar före början. Kontakta servicestället.',
  notFound: 'Bokningen hittades inte. Kontrollera länken i ditt meddelande.', loading: 'Laddar…',
  taken: 'Någon hann boka tiden. Välj en annan tid; här är de följande lediga:',
  expired: 'Reservationen av tiden gick ut ({minutes} min). Välj tiden på nytt.',
  rateLimited: 'För många förfrågningar. Försök igen om {seconds} sekunder.',
  rateLimitedLater: 'För många förfrågningar. Försök igen om en stund.',
  network: 'Förbindelsen till tjänsten bröts. Försök igen.', retry: 'Försök igen', error: 'Fel',
  a11y: 'Tillgänglighetsutlåtande', a11yBack: 'Tillbaka till tidsbokningen',
  a11yBody: [
    'Denna bokningssida strävar efter att uppfylla nivå AA i WCAG 2.1, så som lagen om tillhandahållande av digitala ' +
      'tjänster (306/2019) kräver.',
    'Sidan kan användas med enbart tangentbord och med skärmläsare; texten kan förstoras till 200 procent och sidan ' +
      'fungerar på en 320 pixlar bred skärm. Tillgängligheten testas automatiskt med axe i varje steg.',
    'Kända brister: tjänsternas beskrivningar och "ta med"-texter kommer som sådana från myndigheterna.',
    'Respons: om du upptäcker ett tillgänglighetsproblem, kontakta servicestället. Får du inget svar inom två veckor kan ' +
      'du anmäla saken till Regionförvaltningsverket i Södra Finland (tillgänglighetskrav.fi).',
  ],
};

const en = {
  title: 'Appointment booking', skip: 'Skip to content', language: 'Language', steps: 'Steps',
  step1: 'Service', step2: 'Place', step3: 'Time', step4: 'Details', step5: 'Confirmation',
  chooseService: 'Choose a service', search: 'Search services', searchHint: 'Type the name of the service or the agency.',
  noServices: 'No services match the search.', minutes: '{n} min',
  chooseWhere: 'Choose how and where', atPoint: 'At a service point', remote: 'Remote',
  in_person: 'Visit at the service point', remote_at_point: 'Video link at the service point', video: 'Video meeting from home',
  phone: 'Phone appointment', noPoints: 'This service cannot be booked at a service point with this search.',
  chooseTime: 'Choose a time', day: 'Day', times: 'Free times {day}', noTimesDay: 'No free times on this day.',
  nextFreeDay: 'Next free day', noTimes: 'No free times in the next {n} days.',
  laterTimes: 'Show later days', free: { one: '1 expert free', many: '{n} experts free' },
  heldExpired: 'Your hold on the time expired ({minutes} min). You can still try to confirm: if the time is still free, ' +
    'it is booked for you.',
  holding: 'Holding the time…', held: 'The time {time} is held for you until {until}.',
  details: 'Your contact details', name: 'Name', email: 'E-mail', phone_: 'Phone number', customerLanguage: 'Language of service',
  notes: 'Anything else (optional)', contactHint: 'Give an e-mail address or a phone number: the confirmation and reminders go there.',
  phoneHint: 'For example 040 123 4567.', required: '(required)', confirm: 'Confirm the booking', back: 'Back',
  fixErrors: 'Please fix the errors in the form: {n}.', nameRequired: 'Enter your name.',
  booked: 'Your appointment is booked', reference: 'Reference', when: 'Time', where: 'Place', how: 'How',
  service: 'Service', expert: 'Expert', bring: 'What to bring', meeting: 'Video meeting link',
  phoneCall: 'The expert will call you at {phone}.', ics: 'Add to calendar (.ics)',
  manageLink: 'Change or cancel the booking', manageKeep: 'Keep this link: with it you can change or cancel the booking.',
  newBooking: 'Make another booking',
  manageTitle: 'Your booking', status: 'Status', confirmed: 'Confirmed', checked_in: 'Checked in', cancelled: 'Cancelled',
  completed: 'Completed', no_show: 'No-show', reschedule: 'Change the time', cancel: 'Cancel the booking',
  cancelConfirm: 'Do you really want to cancel the booking on {time}?', cancelYes: 'Yes, cancel it', cancelNo: 'Keep the booking',
  cancelledDone: 'The booking is cancelled.', moveConfirm: 'Move the booking to {time}?', moveYes: 'Yes, move it',
  moved: 'The booking is moved to {time}.',
  cutoff: 'The booking can be changed or cancelled only up to {hours} hours before it starts. Please contact the service point.',
  notFound: 'The booking was not found. Check the link in your message.', loading: 'Loading…',
  taken: 'Someone booked this time just before you. Choose another time; here are the next free ones:',
  expired: 'Your hold on the time expired ({minutes} min). Please choose the time again.',
  rateLimited: 'Too many requests. Try again in {seconds} seconds.',
  rateLimitedLater: 'Too many requests. Try again in a moment.',
  network: 'The connection to the service was lost. Try again.', retry: 'Try again', error: 'Error',
  a11y: 'Accessibility statement', a11yBack: 'Back to booking',
  a11yBody: [
    'This booking page aims to meet level AA of WCAG 2.1, as the Finnish Act on the Provision of Digital Services (306/2019) requires.',
    'The page can be used with a keyboard alone and with a screen reader; text can be enlarged to 200 % and the page ' +
      'works on a 320 pixel wide screen. Accessibility is tested automatically with axe at every step.',
    'Known shortcomings: service descriptions and "what to bring" texts come from the agencies as they are.',
    'Feedback: if you find an accessibility problem, contact the service point. If you get no answer within two weeks, ' +
      'you can notify the Regional State Administrative Agency for Southern Finland (saavutettavuusvaatimukset.fi).',
  ],
};

export const TEXTS = { fi, sv, en };
export const LANGUAGES = ['fi', 'sv', 'en'];
export const LANGUAGE_NAMES = { fi: 'suomi', sv: 'svenska', en: 'English' };

export function translator(lang) {
  const table = TEXTS[lang] ?? fi;
  return (key, vars = {}) => {
    let text = key.split('.').reduce((o, k) => o?.[k], table) ?? key;
    if (typeof text !== 'string') return text;
    for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, v);
    return text;
  };
}
