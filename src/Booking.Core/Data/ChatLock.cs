using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Data;

/// <summary>
/// One chat's updates one at a time across every bot process on the database. Inside a process the chat lanes already
/// keep a chat in order; on PostgreSQL several processes may share the database (webhook behind a load balancer), and
/// the same update or two updates of one chat can reach two of them at once. A session-level advisory lock per chat,
/// held on the update's connection while it is handled, makes the second wait; a repeat then finds the update_id mark
/// and is skipped instead of being answered twice. On SQLite one process owns the file, so there is nothing to take.
/// </summary>
public sealed class ChatLock(BookingDb db)
{
    /// <summary>The first key of the two-key advisory lock space ("Chat" in ASCII); the gate uses the one-key space.</summary>
    public const int PostgresLockClass = 0x43686174;

    public async Task<IAsyncDisposable> AcquireAsync(long chatId, CancellationToken ct)
    {
        if (!db.IsPostgres)
        {
            return Held.None;
        }

        // Chat ids exceed 32 bits; folding them may let two chats share a key, which only makes them wait for each other.
        var key = unchecked((int)(chatId ^ (chatId >> 32)));
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PostgresLockClass}, {key})", ct);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }

        return new Held(db, key);
    }

    private sealed class Held(BookingDb? db, int key) : IAsyncDisposable
    {
        public static readonly Held None = new(null, 0);

        public async ValueTask DisposeAsync()
        {
            if (db is null)
            {
                return;
            }

            try
            {
                // Not the update's token: the lock must be let go even when the update was cancelled.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({PostgresLockClass}, {key})", CancellationToken.None);
            }
            finally
            {
                // A connection that failed to unlock is discarded by the pool's reset (DISCARD ALL frees advisory locks).
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
