using System.Net;
using System.Text;

namespace Booking.Bot.Tests.Resilience;

/// <summary>The innermost HTTP handler: answers each call with the next scripted reply and notes when it came.</summary>
internal sealed class StubBotApi(TimeProvider clock) : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _replies = new();
    private readonly List<DateTimeOffset> _calls = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<DateTimeOffset> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Ok() => Json(HttpStatusCode.OK, """{"ok":true,"result":true}""");

    public static HttpResponseMessage Error(int code, string description, int? retryAfter = null) => Json((HttpStatusCode)code,
        retryAfter is { } s
            ? $$$"""{"ok":false,"error_code":{{{code}}},"description":"{{{description}}}","parameters":{"retry_after":{{{s}}}}}"""
            : $$"""{"ok":false,"error_code":{{code}},"description":"{{description}}"}""");

    public StubBotApi Then(HttpResponseMessage response) => Then(_ => Task.FromResult(response));

    public StubBotApi Then(Func<CancellationToken, Task<HttpResponseMessage>> reply)
    {
        _replies.Enqueue(reply);
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add(clock.GetUtcNow());
        }

        return _replies.Count > 0 ? _replies.Dequeue()(cancellationToken) : Task.FromResult(Ok());
    }
}
