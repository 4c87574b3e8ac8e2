using System.Diagnostics;
using Xunit;

namespace Booking.TestKit.Hosting;

/// <summary>
/// Waits in real time, polling, for work the host does in the background (a broadcast going out) to reach a state;
/// the fake clock does not move. The wait is generous, since a loaded machine can be slow; it never asserts speed.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < (limit ?? DefaultLimit), "Timed out waiting until " + what);
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }
}
