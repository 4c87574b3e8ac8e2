using System.Collections.Concurrent;

namespace Booking.Core.Data;

/// <summary>
/// Writers to one SQLite file, one at a time, in the order they came. SQLite itself lets one writer in and makes the
/// others poll the lock, sleeping 1, 2, 5, 10 … 100 ms between tries; with every update writing its de-duplication
/// mark, those sleeps became the slowest updates' latency. Inside one process writers now wait here instead and go
/// in as soon as the previous one is done; SQLite's busy timeout still covers anything outside (a backup, a second process).
/// </summary>
public static class SqliteWriters
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    /// <summary>Waits for the file's turn; disposing the result hands it on.</summary>
    public static async ValueTask<IDisposable> WaitAsync(string connectionString, CancellationToken ct)
    {
        var gate = Files.GetOrAdd(connectionString, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
