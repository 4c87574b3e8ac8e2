using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Booking.Bot.Hosting;

/// <summary>
/// A recurring job on the injected clock (tests move a fake clock instead of waiting). One run at a time: a run
/// started by hand (<see cref="SweepAsync"/>) waits for one in progress, so its caller sees the effects when it
/// returns. A failed run is logged and the job carries on at the next period.
/// </summary>
public abstract class PeriodicWorker(TimeProvider clock, ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _oneRun = new(1, 1);

    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first run happens at start rather than one period later.</summary>
    protected virtual bool RunsAtStart => true;

    /// <summary>Does the work once; returns how many things it handled (for logs and tests).</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken ct);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await _oneRun.WaitAsync(ct);
        try
        {
            return await RunOnceAsync(ct);
        }
        finally
        {
            _oneRun.Release();
        }
    }

    public override void Dispose()
    {
        _oneRun.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        var waitFirst = !RunsAtStart;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (waitFirst)
                {
                    await timer.WaitForNextTickAsync(stoppingToken);
                }

                waitFirst = true;
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Logger.LogError(e, "{Worker} failed; it runs again in {Interval}", GetType().Name, Interval);
            }
        }
    }
}
