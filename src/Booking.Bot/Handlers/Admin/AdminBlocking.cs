using Booking.Core.Features.Blocks;
using Booking.Core.Scheduling;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// A6 and X1: an admin closes time to bookings, and every client whose booking it cancels is told why, in their own
/// language, the same way whether the admin used the bot's block wizard or the web panel. Both call this one service.
/// </summary>
public sealed class AdminBlocking(BlockTime.Handler block, ClientNotices notices)
{
    /// <summary>The shortest and the longest single slot that can be blocked, in minutes.</summary>
    public const int MinMinutes = 15;

    public const int MaxMinutes = 720;

    /// <param name="ClientsTold">How many of the cancelled bookings' clients got the message.</param>
    public sealed record Blocked(BlockTime.Result Result, int ClientsTold);

    /// <summary>The bookings a block would cancel, for the admin to see before confirming.</summary>
    public Task<int> CountAffectedAsync(DateTime startUtc, DateTime endUtc, CancellationToken ct) => block.CountAffectedAsync(startUtc, endUtc, ct);

    public async Task<Blocked> BlockAsync(long adminId, DateTime startUtc, DateTime endUtc, string? reason, CancellationToken ct)
    {
        var result = await block.HandleAsync(new BlockTime.Request(adminId, startUtc, endUtc, reason), ct);
        if (result.Outcome != BlockTime.Outcome.Blocked)
        {
            return new Blocked(result, 0);
        }

        var why = result.Block!.Reason;
        var told = 0;
        foreach (var cancelled in result.CancelledBookings!)
        {
            // One client who blocked the bot does not stop the others.
            told += await notices.TellCancelledAsync(cancelled.ClientId, cancelled.ServiceId, (t, f) => t.Format(why is null ? "blocks.client_notice" : "blocks.client_notice_reason",
                ("service", cancelled.Service), ("date", f.Date(cancelled.StartUtc)), ("time", f.Time(cancelled.StartUtc)), ("reason", why)), ct) ? 1 : 0;
        }

        return new Blocked(result, told);
    }

    /// <summary>A slot: from its local start for its length.</summary>
    public static (DateTime StartUtc, DateTime EndUtc) Slot(DateOnly date, TimeOnly at, int minutes, TimeZoneInfo zone)
    {
        var start = LocalTime.ToUtc(date, at, zone);
        return (start, start.AddMinutes(minutes));
    }

    /// <summary>Whole days: from the first day's local midnight to the midnight after the last.</summary>
    public static (DateTime StartUtc, DateTime EndUtc) Days(DateOnly first, DateOnly last, TimeZoneInfo zone) =>
        (LocalTime.ToUtc(first, TimeOnly.MinValue, zone), LocalTime.ToUtc(last.AddDays(1), TimeOnly.MinValue, zone));
}
