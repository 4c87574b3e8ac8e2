using Booking.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Booking.Bot.Notifications;

/// <summary>Every 30 seconds, sends the reminders, review requests and waitlist offers (X4) that are due, batch after batch.</summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NotificationWorker> logger)
    : PeriodicWorker(clock, logger)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    protected override TimeSpan Interval => Period;

    protected override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var total = 0;
        int sent;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            sent = await scope.ServiceProvider.GetRequiredService<NotificationSender>().SendDueAsync(ct)
                + await scope.ServiceProvider.GetRequiredService<WaitlistSender>().SendDueAsync(ct);
            total += sent;
        }
        while (sent > 0);

        return total;
    }
}
