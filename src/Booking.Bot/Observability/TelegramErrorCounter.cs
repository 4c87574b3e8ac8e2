using System.Globalization;

namespace Booking.Bot.Observability;

/// <summary>
/// Counts every Bot API attempt that failed, inside the retry handler so each attempt counts. Only the method name
/// (the last path segment) is used: the rest of the path holds the bot token.
/// </summary>
public sealed class TelegramErrorCounter : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = MethodOf(request);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                BotMetrics.TelegramErrors.WithLabels(method, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)).Inc();
            }

            return response;
        }
        catch (HttpRequestException)
        {
            BotMetrics.TelegramErrors.WithLabels(method, "network").Inc();
            throw;
        }
    }

    internal static string MethodOf(HttpRequestMessage request) =>
        request.RequestUri?.Segments is [_, _, ..] segments ? segments[^1].Trim('/') : "unknown";
}
