using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Waitlist;
using Microsoft.Extensions.Logging;

namespace Booking.Bot.Notifications;

/// <summary>
/// X4, one sweep: claim the waitlist offers that are due (each checked against the day as it is now), send each with
/// the times still free, record the outcome. A client who cannot be reached is skipped; other failures are retried.
/// </summary>
public sealed class WaitlistSender(
    ClaimWaitlistOffers.Handler claims, WaitlistOfferOutcomes outcomes, ScheduleReader schedule, TextProvider texts, Replies replies,
    ILogger<WaitlistSender> logger)
{
    /// <summary>Returns how many offers were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var due = await claims.ClaimAsync(NotificationSender.BatchSize, ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var zone = await schedule.ZoneAsync(ct);
        var sent = 0;
        foreach (var offer in due)
        {
            var t = texts.For(offer.Language);
            var (text, markup) = WaitlistOfferText.Compose(t, new Formats(t, zone), offer.WaitId, offer.ServiceName, offer.Date, offer.FreeStartsUtc);
            try
            {
                var messageId = await replies.SendAsync(offer.ClientId, text, markup, ct);
                if (messageId == Replies.NoMessage)
                {
                    await outcomes.SkippedAsync(offer.Id, "the client cannot be reached", ct);
                    Count("blocked");
                    continue;
                }

                await outcomes.SentAsync(offer.Id, messageId, ct);
                Count("sent");
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not send waitlist offer {Id} to {ClientId}; it will be retried", offer.Id, offer.ClientId);
                await outcomes.FailedAsync(offer.Id, e.Message, ct);
                Count("failed");
            }
        }

        return sent;
    }

    private static void Count(string result) => Observability.BotMetrics.Reminders.WithLabels("waitlist_offer", result).Inc();
}
