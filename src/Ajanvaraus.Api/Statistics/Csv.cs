using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ajanvaraus.Api.Statistics;

// CSV as Finnish Excel opens it: UTF-8 with a byte-order mark (without it Excel reads ä and ö as Latin-1), `;` between
// fields, a decimal comma, one header row, CRLF line ends (RFC 4180); a field with `;`, `"` or a line break is quoted.
internal static class Csv
{
    public const string ContentType = "text/csv";

    // The decimal comma without depending on the host's culture data (no thousands separator: Excel reads it as text).
    private static readonly NumberFormatInfo Finnish = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    public static bool Wanted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase));

    public static FileContentHttpResult File(IEnumerable<IReadOnlyList<object?>> rows, IReadOnlyList<string> header, string name)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return TypedResults.File(bytes, ContentType + "; charset=utf-8", name);
    }

    private static void Line(StringBuilder text, IEnumerable<object?> fields)
    {
        text.AppendJoin(';', fields.Select(Field)).Append("\r\n");
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("0.####", Finnish),
            decimal m => m.ToString("0.00", Finnish),
            DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
