using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ajanvaraus.Api.Tests.Infrastructure;

// Every log line of a test app, with its structured values, scopes and exception text, for tests that read the logs.
// An app gets one when its settings name it (`Testing:CaptureLogs` = a name from New()).
public sealed class InMemoryLogs : ILoggerProvider, ISupportExternalScope
{
    public const string Setting = "Testing:CaptureLogs";
    private static readonly ConcurrentDictionary<string, InMemoryLogs> Named = new();
    private IExternalScopeProvider? scopes;

    public ConcurrentQueue<string> Lines { get; } = new();

    public string Name { get; } = Guid.NewGuid().ToString("N");

    public static InMemoryLogs New()
    {
        var logs = new InMemoryLogs();
        Named[logs.Name] = logs;
        return logs;
    }

    internal static InMemoryLogs? Find(string? name) => name is not null && Named.TryGetValue(name, out var logs) ? logs : null;

    public string All => string.Join("\n", Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose() => Named.TryRemove(Name, out _);

    private sealed class Logger(InMemoryLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs.scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var line = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append($" | {key}={value}");
                }
            }

            logs.scopes?.ForEachScope((scope, sb) => sb.Append($" | scope={scope}"), line);
            if (exception is not null)
            {
                line.Append($"\n{exception}");
            }

            logs.Lines.Enqueue(line.ToString());
        }
    }
}
