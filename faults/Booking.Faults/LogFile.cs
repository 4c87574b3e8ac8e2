using System.Text.Json;

namespace Booking.Faults;

/// <summary>The host's JSON log lines (compact format: @l level, absent for information; @mt template; properties).</summary>
public static class LogFile
{
    public sealed record Entry(string Level, string Template, string Message, JsonElement Json)
    {
        public string? Property(string name) =>
            Json.TryGetProperty(name, out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()) : null;
    }

    /// <summary>Every entry of every bot-*.log under <paramref name="folder"/>/logs (or the folder itself).</summary>
    public static IReadOnlyList<Entry> Read(string folder)
    {
        var logs = Directory.Exists(Path.Combine(folder, "logs")) ? Path.Combine(folder, "logs") : folder;
        var entries = new List<Entry>();
        foreach (var file in Directory.Exists(logs) ? Directory.GetFiles(logs, "bot-*.log") : [])
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                try
                {
                    var json = JsonDocument.Parse(line).RootElement.Clone();
                    var level = json.TryGetProperty("@l", out var l) ? l.GetString() ?? "Information" : "Information";
                    var template = json.TryGetProperty("@mt", out var mt) ? mt.GetString() ?? "" : "";
                    var exception = json.TryGetProperty("@x", out var x) ? " " + x.GetString() : "";
                    entries.Add(new Entry(level, template, template + exception, json));
                }
                catch (JsonException)
                {
                    // A line cut by a kill -9 is not an entry.
                }
            }
        }

        return entries;
    }
}
