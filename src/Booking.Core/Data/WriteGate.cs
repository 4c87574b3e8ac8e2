using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Booking.Core.Data;

/// <summary>
/// Opens the transaction in which a booking decision is checked and written, so two writers can never both read
/// "free" and both insert. On SQLite it is an immediate (RESERVED-lock) transaction (ADR 0002); on PostgreSQL a READ
/// COMMITTED transaction that first takes one transaction-level advisory lock (ADR 0011).
/// </summary>
public sealed class WriteGate(BookingDb db)
{
    /// <summary>The one advisory lock key all booking decisions share; any fixed bigint no other code uses.</summary>
    public const long PostgresLockKey = 0x426F6F6B696E67; // "Booking" in ASCII

    /// <summary>PostgreSQL's exclusion_violation: the no-overlap constraint refused a write.</summary>
    public const string ExclusionViolation = "23P01";

    public async Task<Write> BeginAsync(CancellationToken ct)
    {
        if (!db.IsPostgres)
        {
            // Microsoft.Data.Sqlite begins non-deferred (BEGIN IMMEDIATE) transactions unless asked otherwise. The
            // transaction holds the file's writer turn to its end, so the process's other writers queue behind it.
            var turn = await db.WriterTurnAsync(ct);
            try
            {
                return new Write(db, await db.Database.BeginTransactionAsync(ct), turn);
            }
            catch
            {
                turn?.Dispose();
                throw;
            }
        }

        // READ COMMITTED on purpose: every statement after the lock takes a fresh snapshot and so sees what the previous
        // holder committed. Under REPEATABLE READ the snapshot would date from the lock statement, before the wait.
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        return new Write(db, transaction);
    }

    public sealed class Write(BookingDb db, IDbContextTransaction transaction, IDisposable? turn = null) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        /// <summary>
        /// Checks the no-overlap constraint at commit instead of row by row, for a change that moves several bookings at
        /// once (a day shifted by an hour passes through overlapping states). A no-op on SQLite, which has no such constraint.
        /// </summary>
        public async Task DeferOverlapCheckAsync(CancellationToken ct)
        {
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("SET CONSTRAINTS \"EX_Bookings_NoOverlap\" DEFERRED", ct);
            }
        }

        /// <summary>
        /// Saves and commits the decision. False when the database's no-overlap constraint refused it (a writer that
        /// went around the gate got there first): the changes are dropped and the caller reports the slot as taken.
        /// </summary>
        public async Task<bool> TrySaveAndCommitAsync(CancellationToken ct)
        {
            if (!await TrySaveAsync(ct))
            {
                return false;
            }

            try
            {
                await transaction.CommitAsync(ct);
            }
            catch (DbException e) when (e.SqlState == ExclusionViolation)
            {
                // A deferred check fails at commit, outside SaveChanges.
                db.ChangeTracker.Clear();
                return false;
            }

            return true;
        }

        /// <summary>
        /// Saves inside the transaction, for a decision that needs the ids it creates before the commit (an audit row
        /// naming a new booking). False when the no-overlap constraint refused it: the changes are dropped.
        /// </summary>
        public async Task<bool> TrySaveAsync(CancellationToken ct)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (IsOverlap(e))
            {
                db.ChangeTracker.Clear();
                return false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
            }
            finally
            {
                turn?.Dispose();
            }
        }
    }

    public static bool IsOverlap(DbUpdateException e) => e.InnerException is DbException { SqlState: ExclusionViolation };
}
