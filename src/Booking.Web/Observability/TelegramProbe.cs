using Telegram.Bot;

namespace Booking.Web.Observability;

/// <summary>
/// Whether the Bot API answers getMe, asked with a short timeout and remembered for <see cref="CacheFor"/> so a
/// monitor polling /health does not turn into a stream of Bot API calls.
/// </summary>
public sealed class TelegramProbe(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TelegramProbe> logger) : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, bool Reachable)? _last;

    public async Task<bool> IsReachableAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_last is { } last && clock.GetUtcNow() - last.At < CacheFor)
            {
                return last.Reachable;
            }

            var reachable = await AskAsync(ct);
            _last = (clock.GetUtcNow(), reachable);
            return reachable;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<bool> AskAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ITelegramBotClient>().GetMe(timeout.Token);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Health check: the Bot API did not answer getMe ({Reason})", e.GetType().Name);
            return false;
        }
    }
}
