using Booking.Faults;
using Booking.Faults.Scenarios;

namespace Booking.Faults.Tests;

/// <summary>The fast fault scenarios, run in CI exactly as the console runner runs them; every check must pass.</summary>
public sealed class FastScenarioTests
{
    [RedisScenarioFact]
    public async Task Redis_stopped_and_started_under_bookings_loses_no_booking_and_no_old_draft_wins()
    {
        var report = await RunAsync(new RedisOutage(), new FaultOptions { Scenario = "4" });

        Assert.Equal(5, report.Checks.Count);
        Assert.Equal(Verdict.Pass, report.Verdict);
    }

    [Fact]
    public async Task Replayed_updates_and_double_taps_have_one_effect_in_polling_and_webhook_mode()
    {
        var report = await RunAsync(new ReplayAndDoubleTap(), new FaultOptions { Scenario = "5" });

        Assert.True(report.Checks.Count >= 12, $"only {report.Checks.Count} checks ran");
        Assert.Equal(Verdict.Pass, report.Verdict);
    }

    [Fact]
    public async Task Four_hundred_fuzzed_updates_with_a_fixed_seed_crash_nothing_and_change_no_admin_data()
    {
        var report = await RunAsync(new GarbageIn(), new FaultOptions { Scenario = "6", Seed = 7, Count = 400 });

        Assert.Equal(7, report.Checks.Count);
        Assert.Equal(Verdict.Pass, report.Verdict);
    }

    [Fact]
    public async Task A_clock_jumping_over_dst_and_back_sends_every_reminder_once()
    {
        var report = await RunAsync(new ClockJumps(), new FaultOptions { Scenario = "8" });

        Assert.Equal(3, report.Checks.Count);
        Assert.Equal(Verdict.Pass, report.Verdict);
    }

    private static async Task<Report> RunAsync(IScenario scenario, FaultOptions options)
    {
        using var output = new StringWriter();
        var report = new Report(scenario.Name, output);
        await scenario.RunAsync(options, report, CancellationToken.None);
        Assert.True(report.Verdict == Verdict.Pass, output.ToString());
        return report;
    }
}
