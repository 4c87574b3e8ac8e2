using System.Net;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.Panel;

/// <summary>
/// X1/A7 in the panel: compose, preview with the recipient count, send through the bot's own queue and sender, and
/// follow the delivery — for super admins only.
/// </summary>
public sealed class BroadcastsPanelTests : IAsyncLifetime
{
    private const string Typed = "Скидка <b>50%</b> в пятницу & подарок";

    private BotScenario _s = null!;
    private List<FakeUser> _clients = null!;

    public async Task InitializeAsync()
    {
        _s = await BotScenario.StartAsync();
        _clients = [_s.User(2001, "Анна"), _s.User(2002, "Борис"), _s.User(2003, "Вера", "en")];
        await _s.Host.DbAsync(async db =>
        {
            var now = _s.Clock.GetUtcNow().UtcDateTime;
            db.Clients.AddRange(
                new Client(2001, "Анна", null, null, "ru", now),
                new Client(2002, "Борис", null, null, "ru", now),
                new Client(2003, "Вера", null, null, "en", now));
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_owner_previews_a_broadcast_with_its_recipient_count_sends_it_and_every_client_gets_one_plain_copy()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        var preview = await (await owner.SubmitAsync("/panel/broadcasts", "/panel/broadcasts/preview",
            new Dictionary<string, string> { ["text"] = Typed, ["audience"] = "all" })).Content.ReadAsStringAsync();
        Assert.Contains("Именно это сообщение получат 3 получателей (все клиенты)", preview, StringComparison.Ordinal);
        Assert.Contains("Скидка &lt;b&gt;50%&lt;/b&gt; в пятницу &amp; подарок", preview, StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Broadcasts.CountAsync()));

        var sent = await owner.FollowAsync(await owner.PostAsync("/panel/broadcasts",
            new Dictionary<string, string> { ["text"] = Typed, ["audience"] = "all", ["_csrf"] = PanelClient.Csrf(preview) }));

        Assert.Contains("Рассылка №1 на 3 получателей отправляется", sent, StringComparison.Ordinal);
        foreach (var client in _clients)
        {
            await Eventually.UntilAsync(() => client.Messages.Any(), $"client {client.Id} got the broadcast");
            Assert.Equal("Скидка &lt;b&gt;50%&lt;/b&gt; в пятницу &amp; подарок", Assert.Single(client.Messages).Text);
        }

        await Eventually.UntilAsync(() => _s.Admin.Messages.Any(m => m.Text.Contains("Рассылка №1 завершена", StringComparison.Ordinal)), "the owner got the report in the bot");
        var broadcast = await _s.Host.DbAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal((3, BotScenario.AdminId, (int?)null), (broadcast.Total, broadcast.CreatedBy, broadcast.ProgressMessageId));
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("broadcast.create", "broadcast:1"), (audit.Action, audit.Target));
        var list = await owner.GetStringAsync("/panel/broadcasts");
        Assert.Contains("3 из 3 · ✅ 3 · 🚫 0 · ⚠️ 0", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.Contains("завершена", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audience_with_nobody_in_it_offers_no_send_button_and_queues_nothing()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        var preview = await (await owner.SubmitAsync("/panel/broadcasts", "/panel/broadcasts/preview",
            new Dictionary<string, string> { ["text"] = "Привет", ["audience"] = "future" })).Content.ReadAsStringAsync();
        var posted = await owner.FollowAsync(await owner.PostAsync("/panel/broadcasts",
            new Dictionary<string, string> { ["text"] = "Привет", ["audience"] = "future", ["_csrf"] = PanelClient.Csrf(preview) }));

        Assert.Contains("В этой аудитории никого нет (клиенты с будущими записями)", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/panel/broadcasts\"", preview, StringComparison.Ordinal);
        Assert.Contains("В этой аудитории никого нет", posted, StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Broadcasts.CountAsync()));
    }

    [Fact]
    public async Task A_moderator_cannot_open_preview_or_send_a_broadcast()
    {
        await PanelAdmins.AddModeratorAsync(_s);
        using var moderator = await PanelClient.SignedInAsync(_s, PanelAdmins.Moderator(_s));

        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/panel/broadcasts")).StatusCode);
        var preview = await moderator.SubmitAsync("/panel/", "/panel/broadcasts/preview", new Dictionary<string, string> { ["text"] = "Привет", ["audience"] = "all" });
        var send = await moderator.SubmitAsync("/panel/", "/panel/broadcasts", new Dictionary<string, string> { ["text"] = "Привет", ["audience"] = "all" });

        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, send.StatusCode);
        Assert.DoesNotContain("/panel/broadcasts", await moderator.GetStringAsync("/panel/"), StringComparison.Ordinal);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Broadcasts.CountAsync()));
    }

    [Fact]
    public async Task A_send_without_the_antiforgery_token_is_refused_and_nothing_goes_out()
    {
        using var owner = await PanelClient.SignedInAsync(_s, _s.Admin);

        var send = await owner.PostAsync("/panel/broadcasts", new Dictionary<string, string> { ["text"] = "Привет", ["audience"] = "all" });

        Assert.Equal(HttpStatusCode.BadRequest, send.StatusCode);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Broadcasts.CountAsync()));
        Assert.All(_clients, c => Assert.Empty(c.Messages));
    }
}
