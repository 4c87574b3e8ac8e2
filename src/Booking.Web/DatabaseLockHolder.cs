using Booking.Data.Sqlite.Backups;

namespace Booking.Web;

/// <summary>Holds the database's lock file for as long as the host runs, so a restore cannot replace it underneath.</summary>
public sealed class DatabaseLockHolder(DatabaseFileLock held) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        held.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => held.Dispose();
}
