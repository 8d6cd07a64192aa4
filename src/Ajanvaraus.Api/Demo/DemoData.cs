using Ajanvaraus.Api.Availability;
using Ajanvaraus.Api.Hosting;

namespace Ajanvaraus.Api.Demo;

internal sealed record DemoPoint(string Id, LocalizedText Names, string Municipality, string HostProvider, LocalizedText HostNames,
    string Street, string PostalCode, string PostOffice, LocalizedLongText Accessibility);

internal sealed record DemoService(string Key, string Provider, LocalizedText Names, LocalizedLongText Descriptions, int Minutes,
    Channel[] Channels, LocalizedLongText Card);

// An expert's week: where (null = remote), which channels, which days, what hours.
internal sealed record DemoRule(string? Point, Channel[] Channels, string Days, string Start, string End);

internal sealed record DemoExpert(string Provider, string Name, string[] Languages, string[] Services, DemoRule[] Rules);

// The five pilot points of the 2014-2015 joint customer-service programme, with the agencies that served there,
// realistic services and a working week for their experts.
internal static class DemoData
{
    private static readonly Channel[] All = [Channel.InPerson, Channel.RemoteAtPoint, Channel.Video, Channel.Phone];
    private static readonly Channel[] Visit = [Channel.InPerson];
    private static readonly Channel[] Remote = [Channel.RemoteAtPoint, Channel.Video, Channel.Phone];
    private static readonly LocalizedLongText NoText = new(null, null, null);

    public static readonly (string Id, LocalizedText Names)[] Agencies =
    [
        ("kela", new("Kela", "FPA", "Kela (Social Insurance Institution)")),
        ("poliisi", new("Poliisin lupapalvelut", "Polisens tillståndstjänster", "Police licence services")),
        ("vero", new("Verohallinto", "Skatteförvaltningen", "Finnish Tax Administration")),
        ("dvv", new("Digi- ja väestötietovirasto", "Myndigheten för digitalisering och befolkningsdata",
            "Digital and Population Data Services Agency")),
        ("te", new("TE-palvelut", "TE-tjänster", "Employment services")),
    ];

    // Kinds of walk-in the pilots counted (common to every agency, or one agency's own); `appointment` comes with the schema.
    public static readonly (string Id, string? Provider, LocalizedText Names)[] TransactionTypes =
    [
        ("neuvonta", null, new("Yleisneuvonta ja ohjaus", "Allmän rådgivning och vägledning", "General advice and guidance")),
        ("sahkoinen-asiointi", null, new("Opastus sähköiseen asiointiin", "Handledning i e-tjänster", "Guidance in e-services")),
        ("asiakirjan-vastaanotto", null, new("Asiakirjan vastaanotto", "Mottagning av handlingar", "Receiving documents")),
        ("kela-etuushakemus", "kela", new("Etuushakemuksen vastaanotto", "Mottagning av förmånsansökan", "Benefit application received")),
        ("vero-verokortti", "vero", new("Verokortin muutos", "Ändring av skattekort", "Tax card change")),
        ("poliisi-lupahakemus", "poliisi", new("Lupahakemuksen vireillepano", "Inlämning av tillståndsansökan",
            "Licence application submitted")),
    ];

    private static readonly LocalizedLongText StepFree = new(
        "Esteetön sisäänkäynti, induktiosilmukka palvelupisteessä.",
        "Tillgänglig ingång, induktionsslinga vid servicestället.",
        "Step-free entrance, induction loop at the desk.");

    public static readonly DemoPoint[] Points =
    [
        new("kiiminki", new("Kiiminkin yhteispalvelupiste", "Kiiminki samservicepunkt", "Kiiminki joint service point"), "564", "oulu",
            new("Oulun kaupunki", "Uleåborgs stad", "City of Oulu"), "Kirkkotie 13", "90900", "Kiiminki", StepFree),
        new("mikkeli", new("Mikkelin yhteispalvelupiste", "S:t Michels samservicepunkt", "Mikkeli joint service point"), "491", "mikkeli",
            new("Mikkelin kaupunki", "S:t Michels stad", "City of Mikkeli"), "Maaherrankatu 9", "50100", "Mikkeli", StepFree),
        new("saarijarvi", new("Saarijärven yhteispalvelupiste", "Saarijärvi samservicepunkt", "Saarijärvi joint service point"), "729",
            "saarijarvi", new("Saarijärven kaupunki", "Saarijärvi stad", "Town of Saarijärvi"), "Sivulantie 11", "43100", "Saarijärvi",
            StepFree),
        new("parainen", new("Paraisten yhteispalvelupiste", "Pargas samservicepunkt", "Parainen joint service point"), "445", "parainen",
            new("Paraisten kaupunki", "Pargas stad", "Town of Parainen"), "Rantatie 28", "21600", "Parainen", StepFree),
        new("pelkosenniemi", new("Pelkosenniemen yhteispalvelupiste", "Pelkosenniemi samservicepunkt",
            "Pelkosenniemi joint service point"), "583", "pelkosenniemi", new("Pelkosenniemen kunta", "Pelkosenniemi kommun",
            "Municipality of Pelkosenniemi"), "Sodankyläntie 1", "98500", "Pelkosenniemi", StepFree),
    ];

    public static readonly DemoService[] Services =
    [
        new("kela-asumistuki", "kela", new("Asumistuen neuvonta", "Rådgivning om bostadsbidrag", "Housing allowance advice"),
            new("Yleinen asumistuki: hakeminen, liitteet ja muutokset.", "Allmänt bostadsbidrag: ansökan, bilagor och ändringar.",
                "General housing allowance: applying, attachments and changes."),
            45, All, new("Pyydä mukaan vuokrasopimus ja tulotiedot. Ensisijainen kanava: etäasiointi.",
                "Be kunden ta med hyresavtal och inkomstuppgifter. Primär kanal: distansservice.",
                "Ask for the lease and income details. Primary channel: remote service.")),
        new("kela-elake", "kela", new("Eläkeasiat", "Pensionsärenden", "Pension matters"),
            new("Kansaneläke, takuueläke ja eläkkeensaajan asumistuki.",
                "Folkpension, garantipension och bostadsbidrag för pensionstagare.",
                "National pension, guarantee pension and pensioners' housing allowance."),
            45, [Channel.InPerson, Channel.RemoteAtPoint, Channel.Phone], new("Henkilöllisyystodistus mukaan.", "Ta med identitetsbevis.",
                "Bring an identity document.")),
        new("poliisi-passi", "poliisi", new("Passi ja henkilökortti", "Pass och identitetskort", "Passport and identity card"),
            new("Hakemuksen vastaanotto ja sormenjäljet.", "Mottagning av ansökan och fingeravtryck.", "Application and fingerprints."),
            15, Visit, new("Valokuvan tunnus ja vanha asiakirja mukaan. Vain käyntiasiointi.",
                "Ta med fotokoden och det gamla dokumentet. Endast besök.", "Bring the photo code and the old document. In person only.")),
        new("poliisi-ajokortti", "poliisi", new("Ajokorttilupa", "Körkortstillstånd", "Driving licence permit"),
            NoText, 30, Visit, new("Lääkärintodistus mukaan.", "Ta med läkarintyg.", "Bring the medical certificate.")),
        new("vero-verokortti", "vero", new("Verokortti ja veroilmoitus", "Skattekort och skattedeklaration", "Tax card and tax return"),
            new("Verokortin muutokset, esitäytetty veroilmoitus.", "Ändringar i skattekortet, förhandsifylld skattedeklaration.",
                "Tax card changes, pre-completed tax return."),
            30, All, new("Verkkopankkitunnukset auttavat; OmaVero ensisijainen.", "Nätbankskoder hjälper; MinSkatt i första hand.",
                "Online banking codes help; MyTax first.")),
        new("vero-perinto", "vero", new("Perintöverotus", "Arvsbeskattning", "Inheritance tax"),
            new("Perukirja ja perintöverotus.", "Bouppteckning och arvsbeskattning.", "Estate inventory and inheritance tax."),
            45, Remote, new("Perukirja mukaan.", "Ta med bouppteckningen.", "Bring the estate inventory deed.")),
        new("dvv-muutto", "dvv", new("Muutto ja väestötiedot", "Flyttning och befolkningsuppgifter", "Moving and population data"),
            NoText, 20, [Channel.InPerson, Channel.RemoteAtPoint], new("Henkilöllisyystodistus mukaan.", "Ta med identitetsbevis.",
                "Bring an identity document.")),
        new("dvv-edunvalvonta", "dvv", new("Edunvalvontavaltuutus", "Intressebevakningsfullmakt", "Continuing power of attorney"),
            NoText, 60, [Channel.RemoteAtPoint, Channel.Video], new("Valtakirjaluonnos mukaan.", "Ta med utkastet till fullmakt.",
                "Bring the draft power of attorney.")),
        new("te-tyonhaku", "te", new("Työnhaun aloitus", "Att börja söka arbete", "Starting a job search"),
            new("Työnhakijaksi ilmoittautuminen ja työllistymissuunnitelma.", "Anmälan som arbetssökande och sysselsättningsplan.",
                "Registering as a job seeker and an employment plan."),
            30, All, new("CV mukaan, jos on.", "Ta med CV om du har.", "Bring a CV if there is one.")),
        new("te-yrittaja", "te", new("Yrittäjän palveluneuvonta", "Rådgivning för företagare", "Advice for entrepreneurs"),
            NoText, 45, Remote, new("Liiketoimintasuunnitelma mukaan.", "Ta med affärsplanen.", "Bring the business plan.")),
    ];

    // The host municipality's own desk service at its point.
    public static DemoService HostService(DemoPoint point) => new(
        $"{point.HostProvider}-asiointi", point.HostProvider,
        new("Kunnan asiointipalvelu", "Kommunens kundtjänst", "Municipal customer service"),
        new("Kunnan lomakkeet, maksut ja neuvonta.", "Kommunens blanketter, avgifter och rådgivning.", "Municipal forms, fees and advice."),
        15, Visit, new("Ohjaa tarvittaessa palveluneuvojalle.", "Hänvisa vid behov till servicerådgivaren.",
            "Refer to the service adviser if needed."));

    // Each agency's people: one at each point some days, and remote experts serving every point.
    public static IEnumerable<DemoExpert> Experts()
    {
        string[] firstNames = ["Anna", "Mikko", "Laura", "Jussi", "Sanna", "Pekka", "Elina", "Timo", "Katja", "Ville"];
        var n = 0;
        foreach (var point in Points)
        {
            yield return new("kela", $"Kela-asiantuntija {firstNames[n++ % firstNames.Length]} ({point.PostOffice})", ["fi", "sv"],
                ["kela-asumistuki", "kela-elake"],
                [new(point.Id, [Channel.InPerson], "TU,TH", "09:00", "15:00"), new(null, Remote, "MO,WE,FR", "09:00", "15:00")]);
            yield return new("vero", $"Veroneuvoja {firstNames[n++ % firstNames.Length]} ({point.PostOffice})", ["fi"], ["vero-verokortti"],
                [new(point.Id, [Channel.InPerson], "WE", "10:00", "14:00")]);
            yield return new(point.HostProvider, $"Palveluneuvoja {firstNames[n++ % firstNames.Length]}", ["fi", "sv", "en"],
                [$"{point.HostProvider}-asiointi"],
                [new(point.Id, [Channel.InPerson], "MO,TU,WE,TH,FR", "09:00", "16:00")]);
        }

        yield return new("poliisi", "Lupasihteeri Mikko (Mikkeli)", ["fi", "en"], ["poliisi-passi", "poliisi-ajokortti"], [new("mikkeli",
            Visit, "MO,WE", "08:30", "15:30")]);
        yield return new("poliisi", "Lupasihteeri Sanna (Kiiminki)", ["fi"], ["poliisi-passi", "poliisi-ajokortti"], [new("kiiminki",
            Visit, "TU,TH", "08:30", "15:30")]);
        yield return new("kela", "Kelan etäpalvelu, Anna", ["fi", "sv", "en"], ["kela-asumistuki", "kela-elake"], [new(null, Remote,
            "MO,TU,WE,TH,FR", "08:00", "16:00")]);
        yield return new("vero", "Verohallinnon etäneuvonta, Laura", ["fi", "sv"], ["vero-verokortti", "vero-perinto"], [new(null, Remote,
            "MO,TU,WE,TH,FR", "09:00", "15:00")]);
        yield return new("dvv", "DVV:n asiakaspalvelu, Jussi", ["fi", "sv"], ["dvv-muutto", "dvv-edunvalvonta"], [new(null,
            [Channel.RemoteAtPoint, Channel.Video], "MO,TU,WE,TH", "09:00", "15:00")]);
        yield return new("dvv", "DVV Parainen, Elina", ["sv", "fi"], ["dvv-muutto"], [new("parainen", Visit, "TU", "09:00", "12:00")]);
        yield return new("te", "TE-asiantuntija Pekka", ["fi", "en"], ["te-tyonhaku", "te-yrittaja"], [new(null, Remote, "MO,TU,WE,TH,FR",
            "09:00", "15:00")]);
        yield return new("te", "TE-asiantuntija Katja (Saarijärvi)", ["fi"], ["te-tyonhaku"], [new("saarijarvi", All, "MO,TH", "09:00",
            "14:00")]);
    }
}
