using Booking.Bot.Notifications;
using Booking.TestKit.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>C8 in a zone with daylight saving: Berlin falls back on 25 October 2026 (03:00 CEST → 02:00 CET).</summary>
public sealed class DstRemindersTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() =>
        _s = await BotScenario.StartAsync("Europe/Berlin", new DateTimeOffset(2026, 10, 23, 8, 0, 0, TimeSpan.Zero));

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private Task<int> SweepAsync() => _s.Host.Services.GetRequiredService<NotificationWorker>().SweepAsync(CancellationToken.None);

    [Fact]
    public async Task Reminders_across_the_autumn_change_come_at_real_instants_with_local_words_and_only_once()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "26 🟢", "10:00");
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(new DateTime(2026, 10, 26, 9, 0, 0, DateTimeKind.Utc), booking.StartUtc); // 10:00 CET

        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 8, 59, 0, TimeSpan.Zero));
        await SweepAsync();
        Assert.DoesNotContain(anna.Messages, m => m.Text.StartsWith('⏰'));

        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 9, 0, 0, TimeSpan.Zero)); // exactly 24 h before, 10:00 CET
        await SweepAsync();
        var dayBefore = Assert.Single(anna.Messages, m => m.Text.StartsWith('⏰'));
        Assert.StartsWith("⏰ Напоминаю: завтра, 26 октября (пн), в 10:00", dayBefore.Text, StringComparison.Ordinal);

        // Sweeping again later sends nothing more for the same moment.
        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 9, 30, 0, TimeSpan.Zero));
        await SweepAsync();
        Assert.Single(anna.Messages, m => m.Text.StartsWith('⏰'));

        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 26, 7, 0, 0, TimeSpan.Zero)); // 08:00 CET
        await SweepAsync();
        Assert.Contains(anna.Messages, m => m.Text == "⏰ Напоминаю: сегодня в 10:00 — Массаж, через 2 часа.");
    }
}
