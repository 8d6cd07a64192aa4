using System.Text.Json.Serialization;

namespace Ajanvaraus.Api.Search;

// Search answers are the hottest output of the service: their serializers are generated at build time (the app's
// options — enum names, offsets, nulls left out — still apply, as the context is one resolver in their chain).
[JsonSerializable(typeof(AvailabilityPage))]
internal sealed partial class SearchJsonContext : JsonSerializerContext;
