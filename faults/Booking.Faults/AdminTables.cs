using System.Text;
using Microsoft.Data.Sqlite;

namespace Booking.Faults;

/// <summary>Every row of the tables only admins may change, read straight from the SQLite file.</summary>
public static class AdminTables
{
    public static readonly string[] Names =
        ["Admins", "AuditLog", "Blocks", "Broadcasts", "BroadcastRecipients", "Settings", "Services", "SpecialDays", "TextOverrides", "WorkingDays"];

    public static async Task<Dictionary<string, List<string>>> SnapshotAsync(string databasePath, CancellationToken ct)
    {
        var result = new Dictionary<string, List<string>>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        foreach (var table in Names)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<string>();
            while (await reader.ReadAsync(ct))
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "null" : reader.GetValue(i)).Append(';');
                }

                rows.Add(row.ToString());
            }

            result[table] = rows;
        }

        return result;
    }

    public static List<string> Changed(Dictionary<string, List<string>> before, Dictionary<string, List<string>> after) =>
        before.Keys.Where(t => !before[t].SequenceEqual(after[t])).Select(t => $"{t} ({before[t].Count}→{after[t].Count} rows)").ToList();
}
