using Booking.Core.Features.Broadcasts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Booking.Bot.Broadcasts;

/// <summary>
/// Sends broadcasts in the background while admins keep using the bot. It starts at once when a broadcast is
/// confirmed (<see cref="Wake"/>), at start-up (resuming whatever a restart interrupted), when the first copy held
/// back by flood control or an error becomes due again, and at least every <see cref="Period"/> on the injected clock.
/// </summary>
public sealed class BroadcastWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<BroadcastWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _oneSweep = new(1, 1);

    /// <summary>A broadcast was queued: start sending now rather than at the next period.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one wake-up is enough.
        }
    }

    /// <summary>Sends batch after batch until nothing is due; returns how many copies were claimed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await _oneSweep.WaitAsync(ct);
        try
        {
            var total = 0;
            int claimed;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<BroadcastSender>().SendBatchAsync(ct);
                total += claimed;
            }
            while (claimed > 0);

            return total;
        }
        finally
        {
            _oneSweep.Release();
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        _oneSweep.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The broadcast sweep failed; it runs again in {Period}", Period);
            }

            await WaitForWorkAsync(stoppingToken);
        }
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        var wait = Period;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ClaimBroadcastRecipients.Handler>().NextDueAsync(stoppingToken) is { } due)
            {
                // A copy postponed for a second must not wait for the period: the last ones would stretch the broadcast.
                var left = new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)) - clock.GetUtcNow();
                wait = left < TimeSpan.Zero ? TimeSpan.Zero : left < Period ? left : Period;
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not read when the next held-back broadcast copy is due; the next sweep is in {Period}", Period);
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = _wake.WaitAsync(either.Token);
        var tick = Task.Delay(wait, clock, either.Token);
        await Task.WhenAny(woken, tick);
        await either.CancelAsync();
        await ((Task)woken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await tick.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
