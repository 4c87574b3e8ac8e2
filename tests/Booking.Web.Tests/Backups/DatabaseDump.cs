using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Booking.Web.Tests.Backups;

/// <summary>Every row of every table of a SQLite file, as text, so two databases can be compared row for row.</summary>
internal static class DatabaseDump
{
    public static async Task<SortedDictionary<string, List<string>>> ReadAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            dump[table] = await RowsAsync(connection, table);
        }

        return dump;
    }

    public static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows.Add(string.Join('|', values.Select(v => v is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(v, CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
