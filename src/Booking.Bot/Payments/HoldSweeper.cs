using Booking.Bot.Handlers;
using Booking.Bot.Hosting;
using Booking.Core.Features.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Booking.Bot.Payments;

/// <summary>X3: every 30 seconds, gives back the slots of bookings whose deposit did not arrive in time, and tells their clients.</summary>
public sealed class HoldSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HoldSweeper> logger) : PeriodicWorker(clock, logger)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    protected override TimeSpan Interval => Period;

    protected override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var released = await scope.ServiceProvider.GetRequiredService<ReleaseExpiredHolds.Handler>().HandleAsync(ct);
        var notices = scope.ServiceProvider.GetRequiredService<ClientNotices>();
        foreach (var hold in released)
        {
            await notices.TellCancelledAsync(hold.ClientId, hold.ServiceId, (t, f) => t.Format("payment.hold_expired",
                ("service", hold.ServiceName), ("date", f.Date(hold.StartUtc)), ("time", f.Time(hold.StartUtc))), ct);
        }

        if (released.Count > 0)
        {
            Logger.LogInformation("Released {Count} bookings whose deposit did not arrive in time", released.Count);
        }

        return released.Count;
    }
}
