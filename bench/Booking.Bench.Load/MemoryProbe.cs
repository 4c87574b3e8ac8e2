using System.Diagnostics;
using System.Globalization;

namespace Booking.Bench.Load;

public sealed record MemoryPeak(long WorkingSetBytes, long GcHeapBytes, long GcCommittedBytes, double OwnCpuCores, double OtherCpuCores)
{
    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " MB";
}

/// <summary>
/// Peak memory of the whole process during a phase (bot, fake server and users alike). The kernel's peak
/// resident set (VmHWM) is reset at the start of the phase; the GC heap is sampled every 50 ms.
/// </summary>
public sealed class MemoryProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _heap;
    private long _committed;
    private long _workingSet;
    private readonly (long Busy, long Own) _cpuAtStart = CpuTicks();
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private MemoryProbe()
    {
        ResetKernelPeak();
        _sampler = SampleAsync();
    }

    public static MemoryProbe Start() => new();

    public async Task<MemoryPeak> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        Sample();
        using var process = Process.GetCurrentProcess();
        var (busy, own) = CpuTicks();
        var seconds = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds * TicksPerSecond;
        var ownCores = (own - _cpuAtStart.Own) / seconds;
        var otherCores = Math.Max(0, (busy - _cpuAtStart.Busy) / seconds - ownCores);
        return new MemoryPeak(Math.Max(_workingSet, process.PeakWorkingSet64), _heap, _committed, ownCores, otherCores);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // The phase is over.
        }
    }

    private void Sample()
    {
        _heap = Math.Max(_heap, GC.GetTotalMemory(forceFullCollection: false));
        _committed = Math.Max(_committed, GC.GetGCMemoryInfo().TotalCommittedBytes);
        _workingSet = Math.Max(_workingSet, Environment.WorkingSet);
    }

    private const double TicksPerSecond = 100; // USER_HZ, the unit of /proc/stat and /proc/self/stat

    /// <summary>
    /// CPU time of the whole machine (all cores, not idle) and of this process, so a report can show whether other
    /// processes competed for the two cores while the phase ran. Zero where /proc is not there.
    /// </summary>
    private static (long Busy, long Own) CpuTicks()
    {
        try
        {
            var total = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var busy = total.Sum() - total[3] - total[4];
            var self = File.ReadAllText("/proc/self/stat");
            var fields = self[(self.LastIndexOf(')') + 2)..].Split(' ');
            return (busy, long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return (0, 0);
        }
    }

    private static void ResetKernelPeak()
    {
        // Linux: writing 5 to clear_refs resets VmHWM, so the peak belongs to this phase, not to the seeding before it.
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux or not allowed: the sampled working set still gives a (coarser) peak.
        }
    }
}
