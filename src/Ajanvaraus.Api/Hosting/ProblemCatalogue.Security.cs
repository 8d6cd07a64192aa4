namespace Ajanvaraus.Api.Hosting;

// Texts of the limits (rate, tokens, holds, request size) and of privacy.
internal static partial class ProblemTexts
{
    private static readonly ProblemText[] Security =
    [
        new("Too many requests", "Liikaa pyyntöjä", "För många begäranden"),
        new("This caller has used its {0} requests a minute. Try again in {1} seconds.",
            "Tämä asiakas on käyttänyt {0} pyyntöään minuutissa. Yritä uudelleen {1} sekunnin kuluttua.",
            "Den här klienten har använt sina {0} begäranden per minut. Försök igen om {1} sekunder."),
        new("Too many wrong tokens", "Liikaa vääriä tunnisteita", "För många felaktiga nycklar"),
        new("Too many wrong tokens came from this address. Try again in {0} seconds.",
            "Tästä osoitteesta on tullut liikaa vääriä tunnisteita. Yritä uudelleen {0} sekunnin kuluttua.",
            "För många felaktiga nycklar har kommit från den här adressen. Försök igen om {0} sekunder."),
        new("Too many live holds", "Liikaa voimassa olevia alustavia varauksia", "För många gällande preliminära bokningar"),
        new("This caller already holds {0} times. Confirm or release one, or try again in {1} seconds.",
            "Tällä asiakkaalla on jo {0} alustavaa varausta. Vahvista tai vapauta jokin, tai yritä uudelleen {1} sekunnin kuluttua.",
            "Den här klienten har redan {0} preliminära bokningar. Bekräfta eller släpp en, eller försök igen om {1} sekunder."),
        new("Too many holds on this day", "Tälle päivälle on liikaa alustavia varauksia",
            "För många preliminära bokningar den här dagen"),
        new("Too many of this day's times are held. Book one directly, pick another day, or try again in {0} seconds.",
            "Liian moni tämän päivän ajoista on alustavasti varattu. Varaa aika suoraan, valitse toinen päivä tai yritä "
                + "uudelleen {0} sekunnin kuluttua.",
            "För många av dagens tider är preliminärt bokade. Boka en tid direkt, välj en annan dag eller försök igen "
                + "om {0} sekunder."),
        new("The query string is too long", "Kyselymerkkijono on liian pitkä", "Frågesträngen är för lång"),
        new("Send at most {0} characters after the question mark.",
            "Lähetä kysymysmerkin jälkeen enintään {0} merkkiä.", "Skicka högst {0} tecken efter frågetecknet."),
        new("The body is too large", "Pyynnön runko on liian suuri", "Begärans innehåll är för stort"),
        new("Send at most {0} bytes.", "Lähetä enintään {0} tavua.", "Skicka högst {0} byte."),
        new(Privacy.PrivacyOptions.RetentionMessage,
            "Anna kokonainen määrä päiviä väliltä 1–3650.", "Ange ett helt antal dagar mellan 1 och 3650."),
    ];
}
