using System.Net;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.Web.Tests.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.Panel;

/// <summary>
/// X1/A6 in the panel: blocked time is previewed with the bookings it would cancel, and closing it cancels them and
/// tells their clients in the bot exactly as the bot's wizard does. Moderators may block, as in the bot.
/// </summary>
public sealed class BlocksPanelTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static Dictionary<string, string> Slot(string reason) =>
        new() { ["kind"] = "slot", ["date"] = "2026-12-02", ["time"] = "10:30", ["minutes"] = "30", ["reason"] = reason };

    [Fact]
    public async Task A_moderator_sees_the_conflict_then_blocks_an_hour_and_the_client_inside_it_is_told_why()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");
        await BookingFlowTests.BookAsync(boris, "2 🟢", "12:00");
        await PanelAdmins.AddModeratorAsync(_s);
        using var moderator = await PanelClient.SignedInAsync(_s, PanelAdmins.Moderator(_s));

        var preview = await moderator.GetStringAsync("/panel/blocks/new?kind=slot&date=2026-12-02&time=10:30&minutes=30&reason=" + Uri.EscapeDataString("Отключат воду"));
        Assert.Contains("2 декабря (ср), 10:30–11:00", preview, StringComparison.Ordinal);
        Assert.Contains("Будут отменены записи: 1", preview, StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Blocks.CountAsync()));

        var done = await moderator.FollowAsync(await moderator.PostAsync("/panel/blocks", new Dictionary<string, string>(Slot("Отключат воду")) { ["_csrf"] = PanelClient.Csrf(preview) }));

        Assert.Contains("Закрыто: 2 декабря (ср), 10:30–11:00. Отменено записей: 1", done, StringComparison.Ordinal);
        Assert.Contains("Отключат воду", done, StringComparison.Ordinal);
        Assert.Contains("отменить вашу запись: Массаж, 2 декабря (ср) в 10:00", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Причина: Отключат воду", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(boris.Messages, m => m.Text.Contains("вынуждены отменить", StringComparison.Ordinal));
        Assert.Equal([BookingStatus.Cancelled, BookingStatus.Confirmed], (await _s.BookingsAsync()).Select(b => b.Status));
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("block.add", PanelAdmins.ModeratorId), (audit.Action, audit.ActorId));
    }

    [Fact]
    public async Task Whole_days_are_closed_to_clients_and_lifting_the_block_opens_them_again()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);
        var preview = await owner.GetStringAsync("/panel/blocks/new?kind=days&from=2026-12-03&to=2026-12-04&reason=");
        Assert.Contains("Записей на это время нет", preview, StringComparison.Ordinal);

        var done = await owner.FollowAsync(await owner.PostAsync("/panel/blocks", new Dictionary<string, string>
        {
            ["kind"] = "days", ["from"] = "2026-12-03", ["to"] = "2026-12-04", ["reason"] = "", ["_csrf"] = PanelClient.Csrf(preview),
        }));

        Assert.Contains("Закрыто: 3 декабря (чт) — 4 декабря (пт). Записей на это время не было.", done, StringComparison.Ordinal);
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "3 🔴");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "4 🔴");

        var id = await _s.Host.DbAsync(db => db.Blocks.Select(b => b.Id).SingleAsync());
        var lifted = await owner.FollowAsync(await owner.SubmitAsync("/panel/blocks", $"/panel/blocks/{id}/remove", new Dictionary<string, string>()));
        Assert.Contains("Блокировка снята", lifted, StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Blocks.CountAsync()));
        Assert.Equal(["block.add", "block.remove"], await _s.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Time_already_past_or_a_slot_too_long_is_refused_with_the_bots_words()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        var past = await owner.FollowAsync(await owner.SubmitAsync("/panel/blocks", "/panel/blocks",
            new Dictionary<string, string> { ["kind"] = "days", ["from"] = "2026-11-20", ["to"] = "2026-11-30" }));
        var tooLong = await owner.FollowAsync(await owner.GetAsync("/panel/blocks/new?kind=slot&date=2026-12-02&time=10:00&minutes=900"));

        Assert.Contains("Это время уже прошло", past, StringComparison.Ordinal);
        Assert.Contains("Нужно число минут от 15 до 720", tooLong, StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Blocks.CountAsync()));
    }

    [Fact]
    public async Task A_removed_admins_session_cannot_block_and_a_post_without_the_antiforgery_token_is_refused()
    {
        await PanelAdmins.AddModeratorAsync(_s);
        using var moderator = await PanelClient.SignedInAsync(_s, PanelAdmins.Moderator(_s));
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);
        var csrf = PanelClient.Csrf(await moderator.GetStringAsync("/panel/blocks"));

        var forged = await owner.PostAsync("/panel/blocks", Slot("x"));
        await _s.Host.DbAsync(async db =>
        {
            db.Admins.RemoveRange(db.Admins);
            await db.SaveChangesAsync();
        });
        var removed = await moderator.PostAsync("/panel/blocks", new Dictionary<string, string>(Slot("x")) { ["_csrf"] = csrf });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, removed.StatusCode);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Blocks.CountAsync()));
        Assert.Equal(0, await _s.Host.DbAsync(db => db.AuditEntries.CountAsync()));
    }
}
