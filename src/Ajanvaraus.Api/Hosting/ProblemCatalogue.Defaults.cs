namespace Ajanvaraus.Api.Hosting;

// Texts ASP.NET Core and DataAnnotations write by default. Their English names C# members and attributes
// ("The Name field", "AllowedValuesAttribute"), so every language, English too, gets a sentence of its own:
// the `errors` key already names the field.
internal static partial class ProblemTexts
{
    private static readonly ProblemText[] Defaults =
    [
        // ProblemDetails titles by status code, and the validation title.
        new("Bad Request", "Virheellinen pyyntö", "Felaktig begäran"),
        new("Unauthorized", "Tunnistautuminen puuttuu tai ei kelpaa", "Autentisering saknas eller är ogiltig"),
        new("Forbidden", "Ei oikeutta", "Åtkomst nekas"),
        new("Not Found", "Ei löydy", "Hittades inte"),
        new("Method Not Allowed", "Menetelmä ei ole sallittu", "Metoden är inte tillåten"),
        new("Not Acceptable", "Vastausmuotoa ei voi tarjota", "Svarsformatet kan inte erbjudas"),
        new("Request Timeout", "Pyyntö aikakatkaistiin", "Begäran tog för lång tid"),
        new("Conflict", "Ristiriita", "Konflikt"),
        new("Precondition Failed", "Ennakkoehto ei täyty", "Förhandsvillkoret uppfylls inte"),
        new("Unsupported Media Type", "Sisältötyyppiä ei tueta", "Medietypen stöds inte"),
        new("Unprocessable Entity", "Pyyntöä ei voi käsitellä", "Begäran kan inte behandlas"),
        new("Too Many Requests", "Liian monta pyyntöä", "För många förfrågningar"),
        new("Service Unavailable", "Palvelu ei ole käytettävissä", "Tjänsten är inte tillgänglig"),
        new("An error occurred while processing your request.", "Pyynnön käsittelyssä tapahtui virhe.", "Ett fel inträffade när begäran behandlades."),
        new("One or more validation errors occurred.", "Pyynnössä on virheellisiä tietoja.", "Begäran innehåller felaktiga uppgifter.",
            Say: "Some fields are not valid."),

        // DataAnnotations defaults ({0} is the C# member name and never leaves).
        new("The {0} field is required.", "Pakollinen tieto.", "Obligatoriskt.", Say: "Required."),
        new("The field {0} must be a string with a maximum length of {1}.",
            "Enintään {1} merkkiä.", "Högst {1} tecken.", Say: "At most {1} characters."),
        new("The field {0} must be a string with a minimum length of {2} and a maximum length of {1}.",
            "{2}–{1} merkkiä.", "{2}–{1} tecken.", Say: "From {2} to {1} characters."),
        new("The field {0} must be between {1} and {2}.", "Anna arvo väliltä {1}–{2}.", "Ange ett värde mellan {1} och {2}.",
            Say: "Give a value from {1} to {2}."),
        new("The field {0} must match the regular expression '{1}'.", "Arvo on väärää muotoa.", "Värdet har fel form.",
            Say: "The value has the wrong form."),
        new("The field {0} must be a string or array type with a maximum length of '{1}'.",
            "Enintään {1} merkkiä tai kohdetta.", "Högst {1} tecken eller poster.", Say: "At most {1} characters or items."),
        new("The field {0} must be a string or array type with a minimum length of '{1}'.",
            "Vähintään {1} merkkiä tai kohdetta.", "Minst {1} tecken eller poster.", Say: "At least {1} characters or items."),
        new("The field {0} must be a string or collection type with a minimum length of '{1}' and maximum length of '{2}'.",
            "{1}–{2} merkkiä tai kohdetta.", "{1}–{2} tecken eller poster.", Say: "From {1} to {2} characters or items."),
        new("The {0} field does not equal any of the values specified in AllowedValuesAttribute.",
            "Arvo ei ole mikään sallituista.", "Värdet är inte ett av de tillåtna.", Say: "Not one of the allowed values."),
        new("The {0} field equals one of the values specified in DeniedValuesAttribute.",
            "Tämä arvo ei ole sallittu.", "Det här värdet är inte tillåtet.", Say: "This value is not allowed."),
        new("The {0} field is not a valid e-mail address.", "Sähköpostiosoite ei kelpaa.", "E-postadressen är ogiltig.",
            Say: "Not a valid e-mail address."),
        new("The {0} field is not a valid phone number.", "Puhelinnumero ei kelpaa.", "Telefonnumret är ogiltigt.",
            Say: "Not a valid phone number."),
        new("The {0} field is not a valid fully-qualified http, https, or ftp URL.", "Anna täydellinen https-osoite.",
            "Ange en fullständig https-adress.", Say: "Give a full https address."),
        new("The field {0} is invalid.", "Arvo ei kelpaa.", "Värdet är ogiltigt.", Say: "The value is not valid."),
    ];
}
