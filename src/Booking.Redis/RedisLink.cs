using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Booking.Redis;

/// <summary>
/// The one connection to Redis and whether this process may use it right now. Any failed command takes Redis out of
/// use (logged once per outage); callers then fall back at once. Redis is taken back only after the conversation
/// generation has been advanced (<see cref="Keys.Generation"/>), so no copy written before the outage is ever read
/// again — a draft may have changed in the database meanwhile (ADR 0013). A new process does the same at start.
/// </summary>
public sealed class RedisLink(RedisSettings settings, ILogger<RedisLink> logger) : IAsyncDisposable
{
    /// <summary>How often a process out of Redis tries to take it back, in real time while the connection is up.</summary>
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _recovering = new(1, 1);
    private readonly Lock _gate = new();
    private ConnectionMultiplexer? _connection;
    private volatile bool _inUse;
    private bool _outageLogged;
    private long _nextAttempt;

    public RedisKeys Keys { get; } = new(settings.KeyPrefix);

    public string Display => settings.Display;

    /// <summary>True while this process reads and writes Redis; false while it falls back.</summary>
    public bool InUse => _inUse;

    /// <summary>Connects (never failing the start: an unreachable Redis only means falling back) and takes Redis into use.</summary>
    public async Task ConnectAsync(CancellationToken ct)
    {
        RedisMetrics.Available.Set(0);
        try
        {
            _connection = await ConnectionMultiplexer.ConnectAsync(settings.Options);
        }
        catch (Exception e) when (e is RedisException or ArgumentException or System.Net.Sockets.SocketException)
        {
            // With abortConnect=false this does not happen for an unreachable server; a bad endpoint is logged and skipped.
            logger.LogError("Redis at {Redis} cannot be used ({Reason}); the bot runs without it", Display, e.Message);
            return;
        }

        if (await TryTakeIntoUseAsync(ct) is null)
        {
            ReportOutage(null);
        }
    }

    /// <summary>The database to use now, or null: then the caller falls back (and counts it).</summary>
    public async ValueTask<IDatabase?> AcquireAsync(CancellationToken ct) =>
        _inUse && _connection is { } connection ? connection.GetDatabase() : await TryTakeIntoUseAsync(ct);

    /// <summary>A command failed: stop using Redis until it is reachable again and fenced.</summary>
    public void ReportFailure(Exception error) => ReportOutage(error);

    /// <summary>For /health: whether Redis answers a PING now (with the connection's own timeouts).</summary>
    public async Task<bool> PingAsync()
    {
        if (_connection is not { IsConnected: true } connection)
        {
            return false;
        }

        try
        {
            await connection.GetDatabase().PingAsync();
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _recovering.Dispose();
    }

    private async ValueTask<IDatabase?> TryTakeIntoUseAsync(CancellationToken ct)
    {
        if (_connection is not { IsConnected: true } connection
            || TimeProvider.System.GetTimestamp() < Interlocked.Read(ref _nextAttempt)
            || !await _recovering.WaitAsync(0, ct))
        {
            return null;
        }

        try
        {
            if (_inUse)
            {
                return connection.GetDatabase();
            }

            PostponeAttempts();
            var database = connection.GetDatabase();

            // Every copy stamped with an older generation is now ignored, whatever happened while this process was away.
            await database.StringIncrementAsync(Keys.Generation);
            _inUse = true;
            RedisMetrics.Available.Set(1);
            logger.LogInformation("Redis at {Redis} is in use (after an outage: {AfterOutage})", Display, _outageLogged);
            _outageLogged = false;
            return database;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            ReportOutage(e);
            return null;
        }
        finally
        {
            _recovering.Release();
        }
    }

    private void PostponeAttempts() => Interlocked.Exchange(
        ref _nextAttempt, TimeProvider.System.GetTimestamp() + (long)(RetryEvery.TotalSeconds * TimeProvider.System.TimestampFrequency));

    private void ReportOutage(Exception? error)
    {
        _inUse = false;
        PostponeAttempts();
        RedisMetrics.Available.Set(0);
        lock (_gate)
        {
            if (_outageLogged)
            {
                return;
            }

            _outageLogged = true;
        }

        logger.LogWarning(
            "Redis at {Redis} is unreachable ({Reason}); conversation state is read from the database and rate limits are counted in this process until it is back",
            Display, error?.GetType().Name ?? "not connected");
    }
}
