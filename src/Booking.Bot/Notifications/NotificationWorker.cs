using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Booking.Bot.Notifications;

/// <summary>
/// Runs the reminder and review-request sweep on the injected clock, so tests move a fake clock instead of
/// waiting. A sweep started by hand waits for one in progress, so callers see its effects when it returns.
/// </summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NotificationWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _oneSweep = new(1, 1);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await _oneSweep.WaitAsync(ct);
        try
        {
            var total = 0;
            int sent;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                sent = await scope.ServiceProvider.GetRequiredService<NotificationSender>().SendDueAsync(ct);
                total += sent;
            }
            while (sent > 0);

            return total;
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The notification sweep failed; it runs again in {Period}", Period);
                await ((Task)timer.WaitForNextTickAsync(stoppingToken).AsTask()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
