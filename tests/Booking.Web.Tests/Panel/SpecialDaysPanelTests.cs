using System.Net;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.Web.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.Panel;

/// <summary>X1/A5 in the panel: holidays and special hours, saved and audited as in the bot, for super admins only.</summary>
public sealed class SpecialDaysPanelTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_owner_closes_a_date_with_a_booking_is_warned_about_it_and_the_date_is_closed_to_clients()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        var page = await owner.FollowAsync(await owner.SubmitAsync("/panel/days", "/panel/days", new Dictionary<string, string> { ["date"] = "2026-12-02", ["hours"] = "" }));

        Assert.Contains("✅ 2 декабря (ср): закрыто.", page, StringComparison.Ordinal);
        Assert.Contains("На эту дату уже есть записи (1)", page, StringComparison.Ordinal);
        Assert.Contains("/panel/bookings?from=2026-12-02&amp;to=2026-12-02", page, StringComparison.Ordinal);
        var day = await _s.Host.DbAsync(db => db.SpecialDays.SingleAsync());
        Assert.Equal((new DateOnly(2026, 12, 2), true), (day.Date, day.IsClosed));
        Assert.Equal(BookingStatus.Confirmed, (await _s.BookingsAsync()).Single().Status);
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("special_day.set", BotScenario.AdminId, "date:2026-12-02"), (audit.Action, audit.ActorId, audit.Target));

        var boris = _s.User(1002, "Борис");
        await boris.SendTextAsync("/book");
        await boris.PressAsync("Массаж");
        Assert.Contains(boris.LastMessage.Buttons, b => b.Text == "2 ⚫");
    }

    [Fact]
    public async Task Special_hours_are_saved_a_bad_value_is_refused_with_the_bots_words_and_a_date_is_removed_again()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        var refused = await owner.FollowAsync(await owner.SubmitAsync("/panel/days", "/panel/days", new Dictionary<string, string> { ["date"] = "2026-12-03", ["hours"] = "15:00-10:00" }));
        Assert.Contains("Не получилось прочитать часы", refused, StringComparison.Ordinal);
        var past = await owner.FollowAsync(await owner.SubmitAsync("/panel/days", "/panel/days", new Dictionary<string, string> { ["date"] = "2026-11-30", ["hours"] = "" }));
        Assert.Contains("Эта дата уже прошла", past, StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.SpecialDays.CountAsync()));

        var saved = await owner.FollowAsync(await owner.SubmitAsync("/panel/days", "/panel/days", new Dictionary<string, string> { ["date"] = "2026-12-03", ["hours"] = "10:00-15:00" }));
        Assert.Contains("✅ 3 декабря (чт): 10:00–15:00.", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("уже есть записи", saved, StringComparison.Ordinal);
        var day = await _s.Host.DbAsync(db => db.SpecialDays.SingleAsync());
        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(15, 0)), (day.Opens, day.Closes));

        var removed = await owner.FollowAsync(await owner.SubmitAsync("/panel/days", "/panel/days/remove", new Dictionary<string, string> { ["date"] = "2026-12-03" }));
        Assert.Contains("3 декабря (чт) — снова по обычным часам", removed, StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.SpecialDays.CountAsync()));
        Assert.Equal(["special_day.set", "special_day.remove"], await _s.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_moderator_can_neither_open_nor_post_special_days()
    {
        await PanelAdmins.AddModeratorAsync(_s);
        using var moderator = await PanelClient.SignedInAsync(_s, PanelAdmins.Moderator(_s));

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/panel/days")).StatusCode);
        var post = await moderator.SubmitAsync("/panel/", "/panel/days", new Dictionary<string, string> { ["date"] = "2026-12-03", ["hours"] = "" });

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.DoesNotContain("/panel/days", await moderator.GetStringAsync("/panel/"), StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.SpecialDays.CountAsync()));
        Assert.Equal(0, await _s.Host.DbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_changes_nothing()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        var post = await owner.PostAsync("/panel/days", new Dictionary<string, string> { ["date"] = "2026-12-03", ["hours"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("Форма устарела", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.SpecialDays.CountAsync()));
    }
}
