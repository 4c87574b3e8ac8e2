using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Notifications;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Notifications;

/// <summary>
/// One sweep: claim what is due, send each, record the outcome. A 403 means the client blocked the bot: they are
/// marked and everything still owed to them is dropped. Other failures go back to the queue for another try.
/// </summary>
public sealed class NotificationSender(
    ClaimDueNotifications.Handler claims, NotificationOutcomes outcomes, ScheduleReader schedule, TextProvider texts, Replies replies,
    TimeProvider clock, ILogger<NotificationSender> logger)
{
    public const int BatchSize = 50;

    /// <summary>Returns how many notifications were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var due = await claims.ClaimAsync(BatchSize, ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var settings = await schedule.SettingsAsync(ct);
        var zone = await schedule.ZoneAsync(ct);
        var sent = 0;
        foreach (var item in due)
        {
            var t = texts.For(item.Language);
            var f = new Formats(t, zone);
            try
            {
                var (text, markup) = Compose(item, t, f, settings);
                var messageId = await replies.SendAsync(item.ClientId, text, markup, ct);
                if (messageId == Replies.NoMessage)
                {
                    // The chat refused the message (the client blocked the bot): drop everything still owed to them.
                    logger.LogInformation("Client {ClientId} cannot be reached; their reminders are dropped", item.ClientId);
                    await outcomes.ClientBlockedAsync(item.ClientId, ct);
                    CountNotification(item, "blocked");
                    continue;
                }

                await outcomes.SentAsync(item.Id, messageId, ct);
                CountNotification(item, "sent");
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not send {Kind} {Id} to {ClientId}; it will be retried", item.Kind, item.Id, item.ClientId);
                await outcomes.FailedAsync(item.Id, e.Message, ct);
                CountNotification(item, "failed");
            }
        }

        return sent;
    }

    private static void CountNotification(ClaimDueNotifications.Due item, string result) =>
        Observability.BotMetrics.Reminders.WithLabels(Observability.BotMetrics.SnakeCase(item.Kind.ToString()), result).Inc();

    private (string Text, InlineKeyboardMarkup? Markup) Compose(ClaimDueNotifications.Due item, Texts.Texts t, Formats f, BusinessSettings settings)
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        if (item.Kind == NotificationKind.ReviewRequest)
        {
            var text = t.Format("review.request", ("service", item.ServiceName), ("date", f.Date(item.StartUtc)));
            var stars = Enumerable.Range(1, 5).Select(n => Keyboards.Button(t.Format("review.star_button", ("stars", n)), new RateVisit(item.BookingId, n))).ToArray();
            return (text, new InlineKeyboardMarkup([stars]));
        }

        var canChange = item.StartUtc - nowUtc >= TimeSpan.FromHours(settings.CancellationWindowHours) + TimeSpan.FromMinutes(15);
        return (ReminderText.Compose(item, t, f, settings.Address, nowUtc), ReminderText.Buttons(item, t, canChange));
    }
}
