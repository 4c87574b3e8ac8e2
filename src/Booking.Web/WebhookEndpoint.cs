using Booking.Bot.Receiving;

namespace Booking.Web;

/// <summary>
/// Webhook mode (P5): Telegram POSTs each update to the path of WEBHOOK_URL. 200 once it is handled (or was a
/// repeat), 403 for a wrong or missing secret, 400 for a body that is not an update, 503 if the host stopped
/// mid-update — anything but 2xx makes Telegram deliver it again later.
/// </summary>
public static class WebhookEndpoint
{
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints, WebhookOptions webhook)
    {
        endpoints.MapPost(webhook.Path, async (HttpContext http, WebhookReceiver receiver, IHostApplicationLifetime lifetime) =>
        {
            var outcome = await receiver.ReceiveAsync(
                http.Request.Headers[WebhookOptions.SecretHeader].ToString(), http.Request.Body,
                http.Connection.RemoteIpAddress?.ToString(), lifetime.ApplicationStopping);
            return outcome switch
            {
                WebhookOutcome.Handled => Results.Ok(),
                WebhookOutcome.Forbidden => Results.StatusCode(StatusCodes.Status403Forbidden),
                WebhookOutcome.Unreadable => Results.BadRequest(),
                _ => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
            };
        });
        return endpoints;
    }
}
