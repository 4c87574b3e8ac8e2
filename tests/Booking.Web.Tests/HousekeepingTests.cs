using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests;

public sealed class HousekeepingTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Expired_drafts_and_week_old_update_marks_are_swept_while_fresh_ones_stay()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        var marksBefore = await _s.Host.DbAsync(db => db.ProcessedUpdates.CountAsync());
        Assert.True(marksBefore > 0);
        var sweeper = _s.Host.Services.GetRequiredService<Housekeeping>();

        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(1, await _s.Host.DbAsync(db => db.Conversations.CountAsync()));

        _s.Clock.Advance(TimeSpan.FromHours(25));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Conversations.CountAsync()));
        Assert.Equal(marksBefore, await _s.Host.DbAsync(db => db.ProcessedUpdates.CountAsync()));

        _s.Clock.Advance(TimeSpan.FromDays(7));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.ProcessedUpdates.CountAsync()));
    }

    [Fact]
    public async Task Panel_links_are_swept_a_day_after_they_expire()
    {
        await _s.Admin.SendTextAsync("/web");
        var sweeper = _s.Host.Services.GetRequiredService<Housekeeping>();
        _s.Clock.Advance(TimeSpan.FromHours(20));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(1, await _s.Host.DbAsync(db => db.PanelLoginTokens.CountAsync()));

        _s.Clock.Advance(TimeSpan.FromHours(5));
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.PanelLoginTokens.CountAsync()));
    }

    [Fact]
    public async Task An_expired_draft_is_ignored_by_cancel()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        _s.Clock.Advance(TimeSpan.FromHours(25));

        await anna.SendTextAsync("/cancel");

        Assert.Contains("нечего отменять", anna.LastMessage.Text, StringComparison.Ordinal);
    }
}
