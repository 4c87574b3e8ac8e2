using Booking.Bot.Receiving;
using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Booking.Bot.Notifications;

/// <summary>P8: hourly, takes the buttons off messages sent more than 48 hours ago, so they cannot be tapped.</summary>
public sealed class KeyboardHygiene(IServiceScopeFactory scopes, TimeProvider clock, ILogger<KeyboardHygiene> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _oneSweep = new(1, 1);

    /// <summary>Removes stale keyboards; a sweep started by hand waits for one in progress.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await _oneSweep.WaitAsync(ct);
        try
        {
            return await RemoveStaleAsync(ct);
        }
        finally
        {
            _oneSweep.Release();
        }
    }

    public override void Dispose()
    {
        _oneSweep.Dispose();
        base.Dispose();
    }

    private async Task<int> RemoveStaleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        var replies = scope.ServiceProvider.GetRequiredService<Replies>();
        var cutoff = clock.GetUtcNow().UtcDateTime - UpdateRouter.ButtonLifetime;
        var stale = await db.LiveKeyboards.Where(k => k.SentUtc < cutoff).OrderBy(k => k.SentUtc).Take(500).ToListAsync(ct);
        foreach (var keyboard in stale)
        {
            await replies.RemoveButtonsAsync(keyboard.ChatId, keyboard.MessageId, ct);
            db.LiveKeyboards.Remove(keyboard);
        }

        await db.SaveChangesAsync(ct);
        return stale.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
                var removed = await SweepAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed stale buttons from {Count} messages", removed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Removing stale buttons failed; trying again in {Period}", Period);
            }
        }
    }
}
