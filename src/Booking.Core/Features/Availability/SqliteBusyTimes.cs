using System.Data.Common;
using System.Runtime.CompilerServices;
using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Booking.Core.Features.Availability;

/// <summary>
/// The busy time of a span on SQLite: the same rows as <see cref="ScheduleReader"/>'s LINQ queries (which PostgreSQL
/// runs), read in one command that returns each instant as whole seconds (<c>unixepoch</c>) and, only where the stored
/// text is longer than whole seconds, that text for <see cref="SqliteInstantText"/> to read, so the instant is exact to the tick.
/// A month calendar reads a few hundred bookings; through EF each row cost two strings, their parsing and a
/// per-row allocation of EF's own, which together were a third of everything the full client flow allocated (ADR 0027).
/// Table and column names come from the model, so a renamed column cannot silently break the text.
/// </summary>
internal static class SqliteBusyTimes
{
    private static readonly ConditionalWeakTable<IModel, string> SqlByModel = [];

    public static async Task<List<Interval>> ReadAsync(BookingDb db, DateTime fromUtc, DateTime toUtc, DateTime earliestStartUtc, int? ignoreBookingId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = SqlByModel.GetValue(db.Model, Build);
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            Add(command, "$from", SqliteInstantText.Format(fromUtc));
            Add(command, "$to", SqliteInstantText.Format(toUtc));
            Add(command, "$earliest", SqliteInstantText.Format(earliestStartUtc));
            Add(command, "$ignore", ignoreBookingId is { } id ? id : DBNull.Value);

            var busy = new List<Interval>(256);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (reader.Read())
            {
                busy.Add(new Interval(Instant(reader, 0), Instant(reader, 2)));
            }

            return busy;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DateTime Instant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal + 1)
            ? DateTime.UnixEpoch.AddSeconds(reader.GetInt64(ordinal))
            : SqliteInstantText.Parse(reader.GetString(ordinal + 1));

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Build(IModel model)
    {
        var (bookings, bookingColumn) = Table<Domain.Booking>(model);
        var (blocks, blockColumn) = Table<Block>(model);
        string Start(Func<string, string> column) => column(nameof(Domain.Booking.StartUtc));
        string End(Func<string, string> column) => column(nameof(Domain.Booking.EndUtc));

        // Whole seconds, and the text itself only when it says more than "yyyy-MM-dd HH:mm:ss" (NULL for most instants).
        static string Instant(string column) => $"unixepoch({column}), CASE WHEN length({column}) > 19 THEN {column} END";

        // The same bounds as the LINQ query: a lower bound on the start turns the (Status, StartUtc) index scan into a seek.
        return $"""
            SELECT {Instant(Start(bookingColumn))}, {Instant(End(bookingColumn))} FROM {bookings}
            WHERE {bookingColumn(nameof(Domain.Booking.Status))} IN ({(int)BookingStatus.Confirmed}, {(int)BookingStatus.AwaitingPayment})
              AND {Start(bookingColumn)} < $to AND {Start(bookingColumn)} > $earliest AND {End(bookingColumn)} > $from
              AND ($ignore IS NULL OR {bookingColumn(nameof(Domain.Booking.Id))} <> $ignore)
            UNION ALL
            SELECT {Instant(Start(blockColumn))}, {Instant(End(blockColumn))} FROM {blocks}
            WHERE {Start(blockColumn)} < $to AND {End(blockColumn)} > $from
            """;
    }

    private static (string Table, Func<string, string> Column) Table<T>(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return ($"\"{table.Name}\"", property => $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"");
    }
}
