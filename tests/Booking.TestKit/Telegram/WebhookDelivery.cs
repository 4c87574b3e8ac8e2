using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Booking.Bot.Receiving;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Booking.TestKit.Telegram;

/// <summary>
/// Telegram in webhook mode with a load balancer in front of several bot hosts: each update is POSTed, with the
/// secret header, to the next host's webhook endpoint in turn. Tests may also post one update to a chosen host.
/// </summary>
public sealed class WebhookDelivery(IReadOnlyList<Uri> endpoints, string secret) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(120) };
    private readonly ConcurrentDictionary<long, Task<HttpStatusCode>> _posts = new();
    private int _next = -1;

    public IReadOnlyList<Uri> Endpoints => endpoints;

    /// <summary>Starts the POST of the update to the next endpoint (round robin).</summary>
    public void Post(Update update)
    {
        _posts[update.Id] = PostAsync(update, NextEndpoint());
    }

    /// <summary>POSTs the update to one endpoint and returns the host's status code.</summary>
    public Task<HttpStatusCode> PostAsync(Update update, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(update);
        return PostRawAsync(JsonSerializer.Serialize(update, JsonBotAPI.Options), endpoint, CancellationToken.None);
    }

    /// <summary>POSTs any body (garbage included) to the next endpoint and returns the host's status code.</summary>
    public Task<HttpStatusCode> PostRawAsync(string body, CancellationToken ct = default) =>
        PostRawAsync(body, NextEndpoint(), ct);

    private async Task<HttpStatusCode> PostRawAsync(string body, Uri endpoint, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookOptions.SecretHeader, secret);
        using var response = await _http.SendAsync(request, ct);
        return response.StatusCode;
    }

    /// <summary>Completes when the host that got the update answered 200; fails on any other answer.</summary>
    public async Task WaitAnsweredAsync(long updateId, TimeSpan timeout, CancellationToken ct)
    {
        if (!_posts.TryGetValue(updateId, out var post))
        {
            throw new InvalidOperationException($"Update {updateId} was never posted to a webhook.");
        }

        // Real time on purpose, as for polling: the hosts may queue a chat's updates behind each other.
        var status = await post.WaitAsync(timeout + timeout, TimeProvider.System, ct);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The webhook answered update {updateId} with {(int)status} {status}.");
        }
    }

    public void Dispose() => _http.Dispose();

    private Uri NextEndpoint() => endpoints[(int)((uint)Interlocked.Increment(ref _next) % (uint)endpoints.Count)];
}
