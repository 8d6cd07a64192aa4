namespace Ajanvaraus.Bench;

[Flags]
internal enum Channels
{
    None = 0,
    InPerson = 1,
    RemoteAtPoint = 2,
    Video = 4,
    Phone = 8,
    All = InPerson | RemoteAtPoint | Video | Phone,
}

internal sealed record ServiceDef(string NameFi, string NameSv, string NameEn, int Minutes, Channels Channels, int NoticeMinutes = 60, int CutoffMinutes = 60);

// An agency at the joint service points: how often it is present at a point and its share of the experts.
internal sealed record ProviderDef(string Id, string NameFi, string NameSv, string NameEn, double Presence, double ExpertShare, IReadOnlyList<ServiceDef> Services);

// The agencies of the Finnish joint service points (asiointipisteet) and typical services of each.
internal static class Catalogue
{
    private const Channels Visit = Channels.InPerson;
    private const Channels VisitPhone = Channels.InPerson | Channels.Phone;

    public static readonly IReadOnlyList<ProviderDef> Providers =
    [
        new("kela", "Kela", "FPA", "Kela (Social Insurance Institution)", 0.95, 0.30,
        [
            new("Asumistuen neuvonta", "Rådgivning om bostadsbidrag", "Housing allowance advice", 45, Channels.All),
            new("Eläkeasiat", "Pensionsärenden", "Pensions", 30, Channels.All),
            new("Opintotuki", "Studiestöd", "Student financial aid", 30, Visit | Channels.Video | Channels.Phone),
            new("Lapsiperheen etuudet", "Förmåner för barnfamiljer", "Family benefits", 45, Channels.All),
            new("Perustoimeentulotuki", "Grundläggande utkomststöd", "Basic social assistance", 60, Visit | Channels.RemoteAtPoint | Channels.Phone, 120, 1440),
        ]),
        new("vero", "Verohallinto", "Skatteförvaltningen", "Finnish Tax Administration", 0.80, 0.15,
        [
            new("Verokortti ja ennakkoperintä", "Skattekort och förskottsuppbörd", "Tax cards and prepayment", 15, VisitPhone),
            new("Perintö- ja lahjavero", "Arvs- och gåvoskatt", "Inheritance and gift tax", 45, Channels.All),
            new("Kiinteistövero", "Fastighetsskatt", "Property tax", 30, Visit | Channels.Video | Channels.Phone),
        ]),
        new("poliisi", "Poliisin lupapalvelut", "Polisens tillståndstjänster", "Police licence services", 0.50, 0.10,
        [
            new("Passi ja henkilökortti", "Pass och identitetskort", "Passport and identity card", 15, Visit),
            new("Ajokortti", "Körkort", "Driving licence", 20, Visit),
            new("Aselupa", "Vapentillstånd", "Firearms licence", 30, Visit, 1440, 1440),
        ]),
        new("dvv", "Digi- ja väestötietovirasto", "Myndigheten för digitalisering och befolkningsdata", "Digital and Population Data Services Agency", 0.60, 0.08,
        [
            new("Muutto- ja väestötiedot", "Flytt och befolkningsuppgifter", "Moving and population data", 15, VisitPhone),
            new("Avioliiton esteiden tutkinta", "Hindersprövning", "Examination of impediments to marriage", 30, Visit | Channels.RemoteAtPoint | Channels.Video),
            new("Edunvalvonta", "Intressebevakning", "Guardianship", 60, Channels.All, 240, 1440),
        ]),
        new("te", "TE-palvelut", "TE-tjänster", "Employment Services", 0.85, 0.17,
        [
            new("Työnhaun aloitus", "Att börja söka arbete", "Starting a job search", 45, Channels.All),
            new("Urasuunnittelu", "Karriärplanering", "Career planning", 60, Channels.All),
            new("Starttiraha", "Startpeng", "Start-up grant", 45, Visit | Channels.Video | Channels.Phone),
        ]),
        new("migri", "Maahanmuuttovirasto", "Migrationsverket", "Finnish Immigration Service", 0.25, 0.07,
        [
            new("Oleskelulupa", "Uppehållstillstånd", "Residence permit", 30, Visit, 1440, 1440),
            new("Kansalaisuus", "Medborgarskap", "Citizenship", 45, Visit | Channels.RemoteAtPoint),
        ]),
        new("traficom", "Liikenne- ja viestintävirasto Traficom", "Transport- och kommunikationsverket Traficom", "Finnish Transport and Communications Agency", 0.30, 0.05,
        [
            new("Ajoneuvon rekisteröinti", "Registrering av fordon", "Vehicle registration", 20, VisitPhone),
            new("Kuljettajatutkinnot", "Förarexamen", "Driving tests", 30, Visit | Channels.Video),
        ]),
        new("ely", "ELY-keskus", "NTM-centralen", "ELY Centre", 0.35, 0.08,
        [
            new("Yritysneuvonta", "Företagsrådgivning", "Business advice", 60, Channels.All),
            new("Maatalouden tuet", "Jordbruksstöd", "Agricultural subsidies", 45, Visit | Channels.Video | Channels.Phone),
        ]),
    ];
}
