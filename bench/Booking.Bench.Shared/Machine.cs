namespace Booking.Bench.Shared;

/// <summary>The machine a figure came from, for the report: cores, memory, CPU model, runtime.</summary>
public static class Machine
{
    public static string Describe()
    {
        var cpu = ReadFirst("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memory = ReadFirst("/proc/meminfo", "MemTotal") ?? "unknown";
        return $"{Environment.ProcessorCount} cores, {cpu}, MemTotal {memory}, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
    }

    private static string? ReadFirst(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
