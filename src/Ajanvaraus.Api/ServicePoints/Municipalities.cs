namespace Ajanvaraus.Api.ServicePoints;

internal sealed record Municipality(string Code, string NameFi, string NameSv)
{
    // Swedish when asked for Swedish; Finnish otherwise (the list has no English names).
    public string NameIn(string language) => language == "sv" ? NameSv : NameFi;
}

// Statistics Finland's municipality codes and names, read once from the embedded municipalities.csv.
internal static class Municipalities
{
    private static readonly Dictionary<string, Municipality> ByCode = Load();

    public static int Count => ByCode.Count;

    public static Municipality? Find(string code) => ByCode.GetValueOrDefault(code);

    private static Dictionary<string, Municipality> Load()
    {
        using var stream = typeof(Municipalities).Assembly.GetManifestResourceStream("municipalities.csv")
            ?? throw new InvalidOperationException("The embedded resource municipalities.csv is missing.");
        using var reader = new StreamReader(stream);
        var byCode = new Dictionary<string, Municipality>(StringComparer.Ordinal);
        reader.ReadLine(); // header: code,name_fi,name_sv
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            byCode[fields[0]] = new Municipality(fields[0], fields[1], fields[2]);
        }

        return byCode;
    }
}
