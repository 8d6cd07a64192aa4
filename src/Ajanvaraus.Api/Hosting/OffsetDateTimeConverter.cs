using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ajanvaraus.Api.Hosting;

// An instant in a request must say which instant it is: "2026-12-11T09:00:00" would be read as UTC by default and book
// 11:00 in Finland. Only ISO 8601 with an offset or Z is taken; anything else is a 400 naming the field.
internal sealed class OffsetDateTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string Problem = "Give a date and time with its offset, e.g. 2026-12-11T09:00:00+02:00 (or Z for UTC).";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !HasOffset(text)
            || !DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw new JsonException(Problem);
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value,
        JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
