using System.Net;
using System.Text.RegularExpressions;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>X2: an admin's private feed, made in the bot and fetched over HTTP from the real host, then revoked.</summary>
public sealed partial class CalendarFeedTests : IAsyncLifetime
{
    private const long ModeratorId = 700;
    /// <summary>A calendar server's view: plain HTTP to the host's address, no bot involved.</summary>
    private static readonly HttpClient Http = new();
    private BotScenario _s = null!;

    public async Task InitializeAsync()
    {
        _s = await BotScenario.StartAsync();
        await _s.Host.DbAsync(async db =>
        {
            db.Admins.Add(new Booking.Core.Domain.Admin(ModeratorId, AdminRole.Moderator, BotScenario.AdminId, BotScenario.DefaultNow.UtcDateTime));
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [GeneratedRegex(@"<code>(http[^<]+)</code>")]
    private static partial Regex LinkIn();

    private static string LinkOf(string text)
    {
        var match = LinkIn().Match(text);
        Assert.True(match.Success, text);
        return match.Groups[1].Value;
    }

    private static async Task<string> MakeLinkAsync(TestKit.Telegram.FakeUser admin)
    {
        await admin.SendTextAsync("/admin");
        await admin.PressAsync("📆 Календарь записей");
        Assert.Contains("Сейчас ссылки нет", admin.LastMessage.Text, StringComparison.Ordinal);
        await admin.PressAsync("🔗 Создать ссылку");
        return LinkOf(admin.LastMessage.Text);
    }

    [Fact]
    public async Task The_owner_subscribes_to_the_feed_over_http_sees_the_bookings_and_a_revoked_link_is_404()
    {
        await BookingFlowTests.BookAsync(_s.User(1001, "Анна"), "2 🟢", "10:00");
        await BookingFlowTests.BookAsync(_s.User(1002, "Борис"), "3 🟢", "15:00");
        var owner = _s.Admin;

        var link = await MakeLinkAsync(owner);

        Assert.StartsWith(_s.Host.Address.AbsoluteUri.TrimEnd('/') + "/calendar/", link, StringComparison.Ordinal);
        Assert.EndsWith(".ics", link, StringComparison.Ordinal);
        using (var response = await Http.GetAsync(new Uri(link)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            var ics = await response.Content.ReadAsStringAsync();
            var events = Ical.Net.Calendar.Load(ics)!.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
            Assert.Equal(["Массаж · Анна", "Массаж · Борис"], events.Select(e => e.Summary));
            Assert.Equal(new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc), events[1].DtStart!.AsUtc);
            Assert.Contains("DTSTART;TZID=Europe/Moscow:20261203T150000", ics, StringComparison.Ordinal);
        }

        using (var head = await Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(link))))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.True(head.Headers.CacheControl is { NoStore: true, Private: true }, head.Headers.CacheControl?.ToString());
        }

        // The token is not kept: the panel can only say since when a link exists.
        await owner.PressAsync("◀️ В панель");
        await owner.PressAsync("📆 Календарь записей");
        Assert.Contains("создана 1 декабря", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("http", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.PressAsync("🔄 Новая ссылка");
        var renewed = LinkOf(owner.LastMessage.Text);
        Assert.NotEqual(link, renewed);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(link))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(renewed))).StatusCode);

        await owner.PressAsync("🚫 Отозвать");

        Assert.Contains("Ссылка отозвана", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(renewed))).StatusCode);
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.ActorId + ":" + a.Action).ToListAsync());
        Assert.Equal([$"{BotScenario.AdminId}:calendar_feed.create", $"{BotScenario.AdminId}:calendar_feed.create", $"{BotScenario.AdminId}:calendar_feed.revoke"], audit);
    }

    [Fact]
    public async Task A_cancelled_booking_leaves_the_feed()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "10:00");
        var link = await MakeLinkAsync(_s.Admin);
        await anna.SendTextAsync("/my");
        await anna.PressAsync("❌ Отменить #1");
        await anna.PressAsync("✅ Да, отменить");

        var ics = await Http.GetStringAsync(new Uri(link));

        Assert.Empty(Ical.Net.Calendar.Load(ics)!.Events);
    }

    [Fact]
    public async Task A_moderator_has_a_feed_of_their_own_which_dies_with_their_admin_rights()
    {
        await BookingFlowTests.BookAsync(_s.User(1001, "Анна"), "2 🟢", "10:00");
        var moderator = _s.User(ModeratorId, "Мод");
        var link = await MakeLinkAsync(moderator);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(link))).StatusCode);

        await _s.Admin.SendTextAsync("/admin");
        await _s.Admin.PressAsync("👥 Администраторы");
        await _s.Admin.PressAsync("⚙️ Мод");
        await _s.Admin.PressAsync("🗑 Убрать из администраторов");
        await _s.Admin.PressAsync("✅ Да, убрать");

        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(link))).StatusCode);
        Assert.Equal(0, await _s.Host.DbAsync(db => db.CalendarFeeds.CountAsync()));
    }

    [Fact]
    public async Task A_client_pressing_forged_feed_buttons_gets_no_link_and_no_feed()
    {
        var eve = _s.User(1005, "Eve");
        await eve.SendTextAsync("/help");
        var message = eve.LastMessage.MessageId;

        await eve.PressDataAsync(message, new Bot.Callbacks.OpenCalendarFeed().Format());
        await eve.PressDataAsync(message, new Bot.Callbacks.NewCalendarFeed().Format());
        await eve.PressDataAsync(message, new Bot.Callbacks.RevokeCalendarFeed().Format());

        Assert.DoesNotContain(eve.Messages, m => m.Text.Contains("calendar/", StringComparison.Ordinal) || m.Text.Contains("Календарь", StringComparison.Ordinal));
        Assert.All(eve.CallbackAnswers, a => Assert.Contains("устарела", a.Text, StringComparison.Ordinal));
        Assert.Equal(0, await _s.Host.DbAsync(db => db.CalendarFeeds.CountAsync()));
        Assert.Equal(0, await _s.Host.DbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Guessed_and_malformed_feed_addresses_are_404()
    {
        await MakeLinkAsync(_s.Admin);
        var calendar = new Uri(_s.Host.Address, "calendar/");

        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(calendar, new string('A', 43) + ".ics"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(calendar, "x.ics"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(new Uri(calendar, ".ics"))).StatusCode);
    }
}
