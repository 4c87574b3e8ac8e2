using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Booking.Core.Data;

/// <summary>
/// Opens the transaction in which a booking decision is checked and written. On SQLite it is an immediate
/// (RESERVED-lock) transaction, so two writers can never both read "free" and both insert; see ADR 0002.
/// </summary>
public sealed class WriteGate(BookingDb db)
{
    public async Task<Write> BeginAsync(CancellationToken ct)
    {
        // Microsoft.Data.Sqlite begins non-deferred (BEGIN IMMEDIATE) transactions unless asked otherwise.
        var transaction = await db.Database.BeginTransactionAsync(ct);
        return new Write(transaction);
    }

    public sealed class Write(IDbContextTransaction transaction) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
