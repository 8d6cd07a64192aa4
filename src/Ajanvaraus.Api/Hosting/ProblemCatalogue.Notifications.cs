using Ajanvaraus.Api.Notifications;

namespace Ajanvaraus.Api.Hosting;

// A message's lastError, answered in the operator's language.
internal static partial class ProblemTexts
{
    private static readonly ProblemText[] Notifications =
    [
        new(NotificationErrors.Unaddressed,
            "Asiakas ei antanut sähköpostiosoitetta eikä puhelinnumeroa.", "Kunden angav varken e-postadress eller telefonnummer."),
        new(NotificationErrors.NoSmtp,
            "Sähköpostipalvelinta ei ole määritetty (Notifications:Smtp:Host): viesti odottaa, kunnes se on.",
            "Ingen e-postserver är konfigurerad (Notifications:Smtp:Host): meddelandet väntar tills en finns."),
        new(NotificationErrors.NoSmsGateway,
            "Tekstiviestipalvelua ei ole määritetty (Notifications:Sms:Url): viesti odottaa, kunnes se on.",
            "Ingen sms-tjänst är konfigurerad (Notifications:Sms:Url): meddelandet väntar tills en finns."),
        new(NotificationErrors.MailUnreachable, "Sähköpostipalvelimeen ei saatu yhteyttä.", "E-postservern kunde inte nås."),
        new(NotificationErrors.MailTls,
            "Suojattua yhteyttä sähköpostipalvelimeen ei saatu.", "En säker anslutning till e-postservern kunde inte upprättas."),
        new(NotificationErrors.MailLogin,
            "Sähköpostipalvelin ei hyväksynyt käyttäjätunnusta tai salasanaa.",
            "E-postservern godtog inte användarnamnet eller lösenordet."),
        new(NotificationErrors.MailRefused,
            "Sähköpostipalvelin hylkäsi viestin (SMTP {0}).", "E-postservern avvisade meddelandet (SMTP {0})."),
        new(NotificationErrors.MailProtocol,
            "Sähköpostipalvelin vastasi jotain, mikä ei ole SMTP:tä.", "E-postservern svarade något som inte är SMTP."),
        new(NotificationErrors.SmsUnreachable, "Tekstiviestipalveluun ei saatu yhteyttä.", "Sms-tjänsten kunde inte nås."),
        new(NotificationErrors.SmsStatus,
            "Tekstiviestipalvelu vastasi HTTP-tilakoodilla {0}.", "Sms-tjänsten svarade med HTTP {0}."),
        new(NotificationErrors.Timeout, "Palvelin ei vastannut ajoissa.", "Servern svarade inte i tid."),
        new(NotificationErrors.Link,
            "Viestin hallintalinkkiä ei voitu purkaa (Data Protection -avain puuttuu).",
            "Meddelandets hanteringslänk kunde inte dekrypteras (en Data Protection-nyckel saknas)."),
        new(NotificationErrors.Other, "Viestiä ei voitu lähettää.", "Meddelandet kunde inte skickas."),
    ];
}
