using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Booking.Bot.Resilience;

/// <summary>
/// P6: the one retry policy for every Bot API call, run as a resilience handler on the "telegram" HttpClient (ADR 0004).
/// A 429 waits Telegram's <c>parameters.retry_after</c> (unless the caller handles it, see
/// <see cref="CallerHandlesFloodControl"/>); 5xx, network errors and attempt timeouts back off
/// exponentially with jitter; every other 4xx (400 "message is not modified", 403 "bot was blocked") goes straight
/// back to the caller, which knows what it means.
/// </summary>
public static class TelegramResilience
{
    public const string HttpClientName = "telegram";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, TelegramRetryOptions options, TimeSpan pollTimeout, ILogger logger)
    {
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, options, args.Context.CancellationToken),
                DelayGenerator = args => RetryAfterDelayAsync(args.Outcome, args.Context.CancellationToken),
                OnRetry = args =>
                {
                    logger.LogWarning("Bot API {Method} failed ({Reason}); retry {Attempt} of {MaxRetries} in {Delay} ms",
                        MethodOf(args.Context.GetRequestMessage()), ReasonOf(args.Outcome), args.AttemptNumber + 1, options.MaxRetries,
                        (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        // Inside the retry, so each attempt gets its own budget; a long poll is held open by the server for its
        // poll time, which must not count against it.
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(
                IsLongPoll(args.Context.GetRequestMessage()) ? options.AttemptTimeout + pollTimeout : options.AttemptTimeout),
        });
    }

    internal static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, TelegramRetryOptions options, CancellationToken ct) =>
        outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Result: { StatusCode: HttpStatusCode.TooManyRequests } tooMany } => !CallerHandlesFloodControl.IsMarked
                && (await RetryAfterAsync(tooMany, ct) is not { } wait || wait <= options.MaxRetryAfter),
            { Result: { } response } => (int)response.StatusCode >= 500,
            _ => false,
        };

    /// <summary>
    /// Timers run on a coarse clock and may fire a few milliseconds early; this margin keeps a retry from landing
    /// just before Telegram's flood window ends and earning another 429.
    /// </summary>
    internal static readonly TimeSpan RetryAfterMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>Telegram's own wait for a 429 (plus the margin); null lets the exponential backoff decide.</summary>
    internal static async ValueTask<TimeSpan?> RetryAfterDelayAsync(Outcome<HttpResponseMessage> outcome, CancellationToken ct) =>
        outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } tooMany && await RetryAfterAsync(tooMany, ct) is { } wait
            ? wait + RetryAfterMargin
            : null;

    /// <summary>
    /// <c>{"ok":false,"error_code":429,"parameters":{"retry_after":3}}</c> → 3 s; a Retry-After header is the fallback.
    /// The body is buffered, so whoever gets the response after the last attempt can still read it.
    /// </summary>
    internal static async ValueTask<TimeSpan?> RetryAfterAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await response.Content.LoadIntoBufferAsync(ct);
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
            if (json.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("retry_after", out var retryAfter) && retryAfter.TryGetInt32(out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }
        catch (JsonException)
        {
            // Not Telegram's envelope (a proxy's error page): fall back to the header.
        }

        return response.Headers.RetryAfter?.Delta;
    }

    internal static bool IsLongPoll(HttpRequestMessage? request) =>
        request?.RequestUri?.AbsolutePath.EndsWith("/getUpdates", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The method name only: the rest of the path holds the bot token, which must never reach a log.</summary>
    private static string MethodOf(HttpRequestMessage? request) => request?.RequestUri?.Segments is [.., var last] ? last : "?";

    private static string ReasonOf(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name : ((int?)outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
