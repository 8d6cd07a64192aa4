using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Ajanvaraus.Api.Tests.Notifications;

// An SMS gateway on a real HTTP listener: records each POST's JSON body and Authorization header.
public sealed class SmsSink : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    public SmsSink()
    {
        Port = SmtpSink.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = ServeAsync();
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/sms";

    public ConcurrentQueue<(JsonElement Body, string? Authorization)> Received { get; } = new();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
            Received.Enqueue((body, context.Request.Headers["Authorization"]));
            context.Response.StatusCode = 202;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving;
    }
}
