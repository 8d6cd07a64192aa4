using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ajanvaraus.Api.Hosting;

internal static class JsonExtensions
{
    // camelCase properties, enums as snake_case strings ("in_person"), numbers strictly as numbers, letters unescaped.
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            // Enums are read by their [JsonStringEnumMemberName] exactly: with a naming policy the converter also took
            // "InPerson" and "inperson", while the query parameters accept only "in_person". Case-sensitive everywhere.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            options.SerializerOptions.Converters.Add(new OffsetDateTimeConverter());
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // Letters and signs as themselves ("Meikäläinen", "+358…"), not \u escapes. The answers are application/json,
            // never pasted into HTML by the service, so the HTML-safe escaping the default does buys nothing here.
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
}
