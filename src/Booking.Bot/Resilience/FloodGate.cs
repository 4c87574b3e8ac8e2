using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Booking.Bot.Resilience;

/// <summary>
/// P6: Telegram's flood control is per chat. After a 429 for a chat, no call for that chat goes out before its
/// retry_after has passed — not only the call that got the 429 (the retry policy waits for that one), but also the
/// calls other chat lanes make meanwhile: a reminder, or the admin's notice of another client's booking.
/// <see cref="Waiter"/> holds calls in front of the retry policy; <see cref="Recorder"/>, behind it, sees every
/// attempt's 429 and closes the gate. Calls without a chat (getUpdates, answerCallbackQuery) pass freely.
/// A chat is remembered only while its gate is closed: every new 429 first forgets the gates already open again, so
/// the map holds the chats under flood control now, not every chat that ever got a 429.
/// </summary>
public sealed class FloodGate(TimeProvider clock)
{
    private static readonly HttpRequestOptionsKey<string> ChatKey = new("bookingbot.flood-chat");
    private readonly ConcurrentDictionary<string, DateTimeOffset> _closedUntil = new();

    /// <summary>Waits until calls for <paramref name="chat"/> may go out again.</summary>
    public async Task WaitAsync(string chat, CancellationToken ct)
    {
        while (_closedUntil.TryGetValue(chat, out var until) && until - clock.GetUtcNow() is var left && left > TimeSpan.Zero)
        {
            await Task.Delay(left, clock, ct);
        }
    }

    public void Close(string chat, TimeSpan wait)
    {
        var now = clock.GetUtcNow();
        ForgetOpen(now);
        var until = now + wait;
        _closedUntil.AddOrUpdate(chat, until, (_, current) => current > until ? current : until);
    }

    /// <summary>Chats whose gate is remembered (closed, or opened since the last 429).</summary>
    internal int TrackedChats => _closedUntil.Count;

    private void ForgetOpen(DateTimeOffset now)
    {
        foreach (var entry in _closedUntil)
        {
            if (entry.Value <= now)
            {
                // Only this exact entry: a chat closed again meanwhile keeps its new deadline.
                _closedUntil.TryRemove(entry);
            }
        }
    }

    /// <summary>The chat_id of a JSON Bot API call, or null (no chat, or a multipart upload).</summary>
    internal static async Task<string?> ChatOfAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.Options.TryGetValue(ChatKey, out var known))
        {
            return known;
        }

        string? chat = null;
        if (request.Content is { } content && content is not MultipartContent)
        {
            await content.LoadIntoBufferAsync(ct);
            try
            {
                using var json = JsonDocument.Parse(await content.ReadAsByteArrayAsync(ct));
                chat = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("chat_id", out var id)
                    ? id.ToString()
                    : null;
            }
            catch (JsonException)
            {
                // Not JSON: no chat to hold.
            }
        }

        request.Options.Set(ChatKey, chat ?? "");
        return chat;
    }

    /// <summary>In front of the retry policy: a call for a chat under flood control waits before its first attempt.</summary>
    public sealed class Waiter(FloodGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (await ChatOfAsync(request, cancellationToken) is { Length: > 0 } chat)
            {
                await gate.WaitAsync(chat, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Behind the retry policy: every attempt answered 429 closes its chat for retry_after.</summary>
    public sealed class Recorder(FloodGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests
                && await ChatOfAsync(request, cancellationToken) is { Length: > 0 } chat
                && await TelegramResilience.RetryAfterAsync(response, cancellationToken) is { } wait)
            {
                gate.Close(chat, wait + TelegramResilience.RetryAfterMargin);
            }

            return response;
        }
    }
}
