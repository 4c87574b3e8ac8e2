using Booking.Bot.Hosting;
using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web;

/// <summary>
/// Hourly cleanup: expired conversation drafts (P4) and update-id marks older than a week — Telegram keeps
/// undelivered updates for 24 hours, so older marks can never match a repeat.
/// </summary>
public sealed class Housekeeping(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Housekeeping> logger)
    : PeriodicWorker(clock, logger)
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);
    public static readonly TimeSpan KeepUpdateMarks = TimeSpan.FromDays(7);

    protected override TimeSpan Interval => Period;

    protected override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var nowUtc = Clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        using var turn = await db.WriterTurnAsync(ct);
        var drafts = await db.Conversations.Where(c => c.ExpiresUtc <= nowUtc).ExecuteDeleteAsync(ct);
        var cutoff = nowUtc - KeepUpdateMarks;
        var marks = await db.ProcessedUpdates.Where(p => p.ProcessedUtc < cutoff).ExecuteDeleteAsync(ct);
        // Spent and expired panel links are kept a day, so opening one still says why it no longer works.
        var linkCutoff = nowUtc - TimeSpan.FromDays(1);
        var links = await db.PanelLoginTokens.Where(t => t.ExpiresUtc < linkCutoff).ExecuteDeleteAsync(ct);
        if (drafts + marks + links > 0)
        {
            Logger.LogInformation("Housekeeping removed {Drafts} expired drafts, {Marks} old update marks and {Links} old panel links", drafts, marks, links);
        }

        return drafts + marks + links;
    }
}
