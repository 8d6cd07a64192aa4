using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ajanvaraus.Api.Hosting;

// No personal data in logs, whoever writes the line: every logger the service hands out (ASP.NET Core's request and
// exception logging included) passes its message, its structured values, its scopes and its exception text through
// Redact first. Names and notes have no shape to recognise: no code of ours logs them (LogRedactionTests runs the
// flows at Debug to keep it so); addresses, phone numbers and tokens are recognised wherever they appear.
internal static partial class LogRedaction
{
    public static IServiceCollection AddLogRedaction(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(), sp.GetService<IExternalScopeProvider>()))));
        return services;
    }

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        text = QueryToken().Replace(text, "$1[redacted]");
        text = Jwt().Replace(text, "[jwt]");
        text = Email().Replace(text, "[email]");
        text = Phone().Replace(text, "[phone]");
        return LongSecret().Replace(text, "[secret]");
    }

    // Log values that are numbers, times, ids or enums carry nothing to hide and keep their type.
    public static object? RedactValue(object? value) => value switch
    {
        null or bool or int or long or double or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum => value,
        string s => Redact(s),
        _ => Redact(value.ToString()),
    };

    [GeneratedRegex(@"(?i)([?&;](?:token|holdtoken|managetoken|access_token)=)[^&\s""']*")]
    private static partial Regex QueryToken();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // International numbers (+358 40 123 4567) and national mobile/landline forms (040 123 4567, 09-1234567). Not the
    // request number of a Kestrel request id (0HNA3K7PQ2M1V:00000001, 13 base-32 characters and a colon): the id is
    // what ties a request's log lines together, and no phone number follows a connection id.
    [GeneratedRegex(@"(?<![\w+])(?<![0-9A-V]{13}:)(?:\+\d{1,3}[ -]?\d{1,4}(?:[ -]?\d{2,4}){2,4}|0\d{1,2}[ -]?\d{3}[ -]?\d{3,4})(?![\w-])")]
    private static partial Regex Phone();

    // Manage and hold tokens are 43 characters of base64url; Data Protection payloads are longer runs of the same.
    [GeneratedRegex(@"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])")]
    private static partial Regex LongSecret();
}

internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}

internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull =>
        state is IEnumerable<KeyValuePair<string, object?>> values
            ? inner.BeginScope(new RedactedState(values, LogRedaction.Redact(state.ToString())))
            : inner.BeginScope(LogRedaction.Redact(state.ToString()));

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = LogRedaction.Redact(formatter(state, exception));
        var redacted = new RedactedState(state as IEnumerable<KeyValuePair<string, object?>> ?? [], message);
        inner.Log(logLevel, eventId, redacted, exception is null ? null : new RedactedException(exception), static (s, _) => s.Message);
    }
}

// A log entry's structured values with each value redacted; the message template ({OriginalFormat}) is kept.
internal sealed class RedactedState(IEnumerable<KeyValuePair<string, object?>> values, string message)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] items = values
        .Select(kv => kv.Key == "{OriginalFormat}" ? kv : new KeyValuePair<string, object?>(kv.Key, LogRedaction.RedactValue(kv.Value)))
        .ToArray();

    public string Message { get; } = message;

    public int Count => items.Length;

    public KeyValuePair<string, object?> this[int index] => items[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, object?>>)items).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}

// The exception as logged: its text, stack and inner exceptions redacted (an SMTP or gateway error may quote an address).
internal sealed class RedactedException(Exception original) : Exception(LogRedaction.Redact(original.Message))
{
    public Type OriginalType { get; } = original.GetType();

    public override string? StackTrace => LogRedaction.Redact(original.StackTrace);

    public override string ToString() => LogRedaction.Redact(original.ToString());
}
