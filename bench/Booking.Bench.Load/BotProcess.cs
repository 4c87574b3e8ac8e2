using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Booking.Bench.Load;

/// <summary>What the bot process held at its peak: the kernel's resident set and the runtime's own figures from /metrics.</summary>
public sealed record BotMemory(
    long PeakRssBytes, long RssAtEndBytes, IReadOnlyDictionary<string, double> MetricPeaks, IReadOnlyList<(string Mapping, long RssBytes)> LargestMappings)
{
    /// <summary>RSS every 10 s of the phase: a plateau is a working set, a steady climb is something growing with users.</summary>
    public IReadOnlyList<long> RssSeries { get; init; } = [];

    /// <summary>The largest sampled resident set (once a second) split the kernel's way (/proc/PID/status).</summary>
    public ResidentSplit AtPeak { get; init; }
}

/// <summary>
/// A resident set in the kernel's three parts: anonymous (the GC heap, SQLite's caches, thread stacks, the runtime's
/// native allocations), shared memory (on Linux the runtime's JIT code and type data live in a double-mapped memfd),
/// and files (the framework's and the app's images: clean pages any other .NET process on the machine shares).
/// </summary>
public readonly record struct ResidentSplit(long AnonymousBytes, long SharedMemoryBytes, long FileBytes)
{
    public long TotalBytes => AnonymousBytes + SharedMemoryBytes + FileBytes;
}

/// <summary>
/// The bot as its own process: the Release host (BookingBot.dll) started with the fake server's address and a
/// prepared database, exactly as an operator would run it. Its peak resident set is the kernel's (VmHWM, reset when
/// the measured phase starts); the managed side comes from its /metrics, sampled every second.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    /// <summary>Memory-related series of /metrics (prometheus-net's process and .NET runtime metrics) whose peaks are reported.</summary>
    private static readonly string[] MemoryMetrics =
    [
        "dotnet_total_memory_bytes", "process_working_set_bytes", "process_private_memory_bytes",
        "dotnet_gc_heap_size_bytes", "dotnet_gc_committed_memory_bytes", "dotnet_gc_last_collection_heap_size_bytes",
        "dotnet_process_memory_working_set_bytes", "dotnet_jit_compiled_il_bytes", "bookingbot_sqlite_memory_bytes",
    ];

    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Dictionary<string, double> _peaks = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _sampler = Task.CompletedTask;
    private long _peakRss;
    private ResidentSplit _peakSplit;
    private readonly List<long> _series = [];

    private BotProcess(Process process, string metricsUrl)
    {
        _process = process;
        MetricsUrl = metricsUrl;
    }

    public const string DeployedArenaVariable = "MALLOC_ARENA_MAX";

    public const string DeployedArenaValue = "2";

    public string MetricsUrl { get; }

    public int Id => _process.Id;

    public static BotProcess Start(string dll, IReadOnlyDictionary<string, string> environment, IEnumerable<string> extra)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("bookingbot-bench-bot").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["URLS"] = $"http://127.0.0.1:{port}";

        // As deployed (the systemd unit and the image set it; ADR 0029); --bot-env MALLOC_ARENA_MAX=16 gives glibc's default here.
        info.Environment[DeployedArenaVariable] = DeployedArenaValue;
        foreach (var pair in extra)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            info.Environment[pair[..eq]] = pair[(eq + 1)..];
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The bot process did not start.");
        var bot = new BotProcess(process, $"http://127.0.0.1:{port}/metrics");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Resets the kernel's peak and starts sampling; what came before (start-up, warm-up) does not count.</summary>
    public void StartMeasuring()
    {
        try
        {
            File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not reset the bot's peak RSS ({e.Message}); it includes start-up.");
        }

        _peakRss = 0;
        _peakSplit = default;
        _peaks.Clear();
        _series.Clear();
        _sampler = SampleAsync(_stop.Token);
    }

    public async Task<BotMemory> StopMeasuringAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        await SampleMetricsAsync(CancellationToken.None);
        var (hwm, rss, _) = ReadStatus();
        return new BotMemory(Math.Max(_peakRss, hwm), rss, new Dictionary<string, double>(_peaks), Mappings())
        {
            RssSeries = [.. _series, rss],
            AtPeak = _peakSplit,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM, as systemd would stop it: the host shuts down cleanly and releases the database.
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        await _stop.CancelAsync();
        _stop.Dispose();
        _http.Dispose();
        _process.Dispose();
    }

    private static void Echo(string? line)
    {
        // The bot logs at Warning; anything it says is worth seeing next to the figures.
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.Error.WriteLine($"[bot] {line}");
        }
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            for (var tick = 0; await timer.WaitForNextTickAsync(ct); tick++)
            {
                var (hwm, rss, split) = ReadStatus();
                _peakRss = Math.Max(_peakRss, hwm);
                if (split.TotalBytes > _peakSplit.TotalBytes)
                {
                    _peakSplit = split;
                }

                if (tick % 10 == 0)
                {
                    _series.Add(rss);
                }

                await SampleMetricsAsync(ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The phase is over.
        }
    }

    private async Task SampleMetricsAsync(CancellationToken ct)
    {
        string text;
        try
        {
            text = await _http.GetStringAsync(MetricsUrl, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return;
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var name = space > 0 ? line[..space] : line;
            var bare = name.Split('{')[0];
            if (MemoryMetrics.Contains(bare) && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                _peaks[name] = Math.Max(_peaks.GetValueOrDefault(name), value);
            }
        }
    }

    private (long Hwm, long Rss, ResidentSplit Split) ReadStatus()
    {
        long hwm = 0, rss = 0, anonymous = 0, shared = 0, files = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kb(line);
                }
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kb(line);
                }
                else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                {
                    anonymous = Kb(line);
                }
                else if (line.StartsWith("RssShmem:", StringComparison.Ordinal))
                {
                    shared = Kb(line);
                }
                else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
                {
                    files = Kb(line);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process is gone.
        }

        return (hwm, rss, new ResidentSplit(anonymous, shared, files));
    }

    /// <summary>
    /// The resident set at the end, summed by what is mapped (/proc/PID/smaps): anonymous memory (the GC heap and
    /// native allocations) against the runtime's and the app's files, so a report can say what dominates.
    /// </summary>
    private List<(string Mapping, long RssBytes)> Mappings()
    {
        var sums = new Dictionary<string, long>();
        try
        {
            var current = "[anonymous]";
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/smaps"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && !parts[0].EndsWith(':'))
                {
                    current = parts.Length >= 6 ? Path.GetFileName(parts[5]) is { Length: > 0 } file ? file : parts[5] : "[anonymous]";
                }
                else if (parts.Length >= 2 && parts[0] == "Rss:")
                {
                    sums[current] = sums.GetValueOrDefault(current) + Kb(line);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process is gone or not ours to read.
        }

        return sums.OrderByDescending(s => s.Value).Take(8).Select(s => (s.Key, s.Value)).ToList();
    }

    private static long Kb(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Release host of this checkout, found from the harness's own output folder.</summary>
    public static string DefaultDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BookingBot.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Booking.Web", "bin", "Release", "net10.0", "BookingBot.dll");
            }
        }

        throw new InvalidOperationException("Cannot find the checkout; pass --bot-dll.");
    }
}
