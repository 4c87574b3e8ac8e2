using System.Diagnostics;

namespace Booking.Bench.Load;

public sealed record MemoryPeak(long WorkingSetBytes, long GcHeapBytes, long GcCommittedBytes)
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
        return new MemoryPeak(Math.Max(_workingSet, process.PeakWorkingSet64), _heap, _committed);
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
