using Prometheus;

namespace Booking.Bot.Observability;

/// <summary>
/// P10: the bot's Prometheus metrics, in the default registry that the host exports at /metrics. Labels are small,
/// fixed sets (update types, outcome names, HTTP codes, method names), never user ids or text.
/// </summary>
public static class BotMetrics
{
    public static readonly Counter Updates = Metrics.CreateCounter(
        "bookingbot_updates_total", "Telegram updates received, by type.", "type");

    public static readonly Histogram HandlerDuration = Metrics.CreateHistogram(
        "bookingbot_update_handling_seconds", "Time to handle one update, by type.",
        new HistogramConfiguration
        {
            LabelNames = ["type"],
            Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        });

    public static readonly Counter Bookings = Metrics.CreateCounter(
        "bookingbot_bookings_total", "Client booking actions, by action (book, reschedule, cancel) and outcome.", "action", "outcome");

    public static readonly Counter Reminders = Metrics.CreateCounter(
        "bookingbot_notifications_total", "Reminders and review requests, by kind and result (sent, failed, blocked).", "kind", "result");

    public static readonly Counter TelegramErrors = Metrics.CreateCounter(
        "bookingbot_telegram_api_errors_total", "Failed Bot API attempts, by method and HTTP code (\"network\" when there was no answer).",
        "method", "code");

    public static readonly Gauge BroadcastProgress = Metrics.CreateGauge(
        "bookingbot_broadcast_progress_ratio", "Share of a running broadcast's recipients already handled (0 to 1).", "broadcast");

    public static void CountBooking(string action, Enum outcome) => Bookings.WithLabels(action, SnakeCase(outcome.ToString())).Inc();

    /// <summary>"AlreadyBooked" → "already_booked": Prometheus label values in the usual style.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
