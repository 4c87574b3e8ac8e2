using Booking.Bot.Hosting;
using Booking.Bot.Receiving;
using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Booking.Bot.Notifications;

/// <summary>P8: hourly, takes the buttons off messages sent more than 48 hours ago, so they cannot be tapped.</summary>
public sealed class KeyboardHygiene(IServiceScopeFactory scopes, TimeProvider clock, ILogger<KeyboardHygiene> logger)
    : PeriodicWorker(clock, logger)
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override TimeSpan Interval => Period;

    protected override bool RunsAtStart => false;

    protected override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        var replies = scope.ServiceProvider.GetRequiredService<Replies>();
        var cutoff = Clock.GetUtcNow().UtcDateTime - UpdateRouter.ButtonLifetime;
        var stale = await db.LiveKeyboards.Where(k => k.SentUtc < cutoff).OrderBy(k => k.SentUtc).Take(500).ToListAsync(ct);
        foreach (var keyboard in stale)
        {
            await replies.RemoveButtonsAsync(keyboard.ChatId, keyboard.MessageId, ct);
            db.LiveKeyboards.Remove(keyboard);
        }

        await db.SaveChangesAsync(ct);
        if (stale.Count > 0)
        {
            Logger.LogInformation("Removed stale buttons from {Count} messages", stale.Count);
        }

        return stale.Count;
    }
}
