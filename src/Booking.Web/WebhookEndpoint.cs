using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Booking.Bot.Receiving;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Booking.Web;

/// <summary>
/// Webhook mode (P5): Telegram POSTs each update to the path of WEBHOOK_URL. The secret header is checked in
/// constant time before the body is read; the update then runs through the same chat lanes and pipeline as
/// polling, and the answer (200) goes out only once it has been handled, so Telegram re-sends it after a crash.
/// Repeats are skipped by the update_id marks.
/// </summary>
public static class WebhookEndpoint
{
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints, WebhookOptions webhook)
    {
        var expected = Encoding.UTF8.GetBytes(webhook.Secret);
        endpoints.MapPost(webhook.Path, (HttpContext http, ChatLanes lanes, UpdatePipeline pipeline, IHostApplicationLifetime lifetime, ILoggerFactory logs) =>
            HandleAsync(http, expected, lanes, pipeline, logs.CreateLogger(typeof(WebhookEndpoint)), lifetime.ApplicationStopping));
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, byte[] expectedSecret, ChatLanes lanes, UpdatePipeline pipeline, ILogger logger, CancellationToken stopping)
    {
        var given = http.Request.Headers[WebhookOptions.SecretHeader].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expectedSecret))
        {
            logger.LogWarning(
                "Rejected a webhook request from {Remote}: the {Header} header is {State}",
                http.Connection.RemoteIpAddress, WebhookOptions.SecretHeader, given.Length == 0 ? "missing" : "wrong");
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Rejected a webhook request with an unreadable body: {Problem}", e.Message);
            return Results.BadRequest();
        }

        if (update is null)
        {
            logger.LogWarning("Rejected a webhook request with an empty update");
            return Results.BadRequest();
        }

        // Handled to the end even if Telegram drops the connection: a half-applied update would only be re-sent.
        try
        {
            await lanes.RunAsync(UpdatePipeline.ChatOf(update) ?? 0, () => pipeline.HandleAsync(update, stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down mid-update: not confirmed, so Telegram delivers it again to the next run.
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Ok();
    }
}
