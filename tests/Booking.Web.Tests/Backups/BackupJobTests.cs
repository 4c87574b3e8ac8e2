using Booking.Core.Features.Maintenance;
using Booking.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.Backups;

/// <summary>The daily job inside the real host, driven by the fake clock: no test waits for a real day.</summary>
public sealed class BackupJobTests : IAsyncLifetime
{
    /// <summary>Tuesday 1 December 2026, 09:00 in Moscow; the backup is set for 21:15 Moscow time (18:15 UTC).</summary>
    private static readonly DateTime Due = new(2026, 12, 1, 18, 15, 0, DateTimeKind.Utc);

    private BotScenario _s = null!;

    private string BackupDir => Path.Combine(_s.Folder, "backups");

    private BackupJob Job => _s.Host.Services.GetRequiredService<BackupJob>();

    public async Task InitializeAsync() =>
        _s = await BotScenario.StartAsync(settings: new Dictionary<string, string?> { ["BACKUP_TIME"] = "21:15" });

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private string[] Backups() =>
        Directory.Exists(BackupDir) ? Directory.GetFiles(BackupDir).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray() : [];

    /// <summary>Waits (in real time, briefly) until the job has armed its timer for <paramref name="due"/>.</summary>
    private async Task JobWaitsForAsync(DateTime due)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Job.NextRunUtc != due)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    [Fact]
    public async Task The_backup_runs_at_the_configured_local_time_and_not_a_second_before()
    {
        await JobWaitsForAsync(Due);

        _s.Clock.Advance(Due - _s.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(1));
        await Task.Delay(300);
        Assert.Empty(Backups());
        Assert.Equal(Due, Job.NextRunUtc);

        _s.Clock.Advance(TimeSpan.FromSeconds(1));
        await JobWaitsForAsync(Due.AddDays(1));
        Assert.Equal(["booking-20261201T181500Z.db"], Backups());

        _s.Clock.Advance(TimeSpan.FromDays(1));
        await JobWaitsForAsync(Due.AddDays(2));
        Assert.Equal(["booking-20261201T181500Z.db", "booking-20261202T181500Z.db"], Backups());
    }

    [Fact]
    public async Task A_backup_missed_while_the_bot_was_down_is_taken_as_soon_as_it_starts()
    {
        await _s.Host.StopAsync();
        Directory.CreateDirectory(BackupDir);
        var lastGood = BackupFileName.Format(Due.AddDays(-2));
        await File.WriteAllTextAsync(Path.Combine(BackupDir, lastGood), "stand-in");

        await _s.Host.StartAsync();

        await JobWaitsForAsync(Due);
        Assert.Equal([lastGood, BackupFileName.Format(_s.Clock.GetUtcNow().UtcDateTime)], Backups());
    }

    [Fact]
    public async Task A_failed_backup_leaves_the_bot_serving_and_is_tried_again_the_next_day()
    {
        await _s.Host.StopAsync();
        var blocker = Path.Combine(_s.Folder, "blocker");
        await File.WriteAllTextAsync(blocker, "a file where the backup folder's parent should be");
        var backupDir = Path.Combine(blocker, "backups");
        await _s.Host.DisposeAsync();
        await using var host = await BotHost.StartAsync(
            _s.Api, _s.Clock, _s.DatabasePath, [BotScenario.AdminId],
            extraSettings: new Dictionary<string, string?> { ["BACKUP_TIME"] = "21:15", ["BACKUP_DIR"] = backupDir });
        var job = host.Services.GetRequiredService<BackupJob>();
        async Task WaitForAsync(DateTime due)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (job.NextRunUtc != due)
            {
                await Task.Delay(10, timeout.Token);
            }
        }

        await WaitForAsync(Due);
        _s.Clock.Advance(Due - _s.Clock.GetUtcNow().UtcDateTime);
        await WaitForAsync(Due.AddDays(1));

        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/start");
        Assert.Contains(anna.Messages, m => m.Text.Contains("Здравствуйте, Анна", StringComparison.Ordinal));

        File.Delete(blocker);
        _s.Clock.Advance(TimeSpan.FromDays(1));
        await WaitForAsync(Due.AddDays(2));
        Assert.Equal([BackupFileName.Format(Due.AddDays(1))], Directory.GetFiles(backupDir).Select(Path.GetFileName));
    }
}
