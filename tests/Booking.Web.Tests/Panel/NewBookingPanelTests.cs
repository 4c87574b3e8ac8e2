using System.Net;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.Panel;

/// <summary>
/// X1/A3 in the panel: a moderator books a client who phoned — found by phone, a free time inside the notice a client
/// must give — and the client hears of it in the bot exactly as from the bot's "➕ Записать клиента".
/// </summary>
public sealed class NewBookingPanelTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task A_moderator_finds_a_client_by_phone_books_a_free_time_and_the_client_is_told()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/start");
        await _s.Host.DbAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Id == 1001)).ChangePhone("+79161234567");
            await db.SaveChangesAsync();
        });
        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero)); // 09:30: 10:00 is too soon for a client
        await PanelAdmins.AddModeratorAsync(_s);
        using var moderator = await PanelClient.SignedInAsync(_s, PanelAdmins.Moderator(_s));

        var bookings = await moderator.GetStringAsync("/panel/bookings");
        Assert.Contains("href=\"/panel/bookings/new\"", bookings, StringComparison.Ordinal);
        var found = await moderator.GetStringAsync("/panel/bookings/new?q=" + Uri.EscapeDataString("8 916 123-45-67"));
        Assert.Contains("href=\"/panel/bookings/new?client=1001\"", found, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("Анна · +79161234567"), found, StringComparison.Ordinal);
        Assert.Contains("Никого не нашлось", await moderator.GetStringAsync("/panel/bookings/new?q=" + Uri.EscapeDataString("Зоя")), StringComparison.Ordinal);

        var day = await moderator.GetStringAsync($"/panel/bookings/new?client=1001&service={_s.MassageId}&date=2026-12-01");
        Assert.Contains("Запись для <b>" + WebUtility.HtmlEncode("Анна · +79161234567") + "</b>", day, StringComparison.Ordinal);
        var ten = new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc);
        Assert.Contains($"name=\"start\" value=\"{ten.Ticks}\"", day, StringComparison.Ordinal);

        var done = await moderator.FollowAsync(await moderator.PostAsync("/panel/bookings/new", new Dictionary<string, string>
        {
            ["client"] = "1001", ["service"] = _s.MassageId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["date"] = "2026-12-01",
            ["start"] = ten.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), ["_csrf"] = PanelClient.Csrf(day),
        }));

        Assert.Contains("Клиент записан и получил сообщение в боте", done, StringComparison.Ordinal);
        var told = Assert.Single(anna.Messages, m => m.Text.Contains("Администратор записал вас", StringComparison.Ordinal));
        Assert.Contains("1 декабря (вт), 10:00", told.Text, StringComparison.Ordinal);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal((1001L, ten, BookingStatus.Confirmed), (booking.ClientId, booking.StartUtc, booking.Status));
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("booking.create", PanelAdmins.ModeratorId), (audit.Action, audit.ActorId));

        // The form sent twice books once; a service no longer offered (the seeded one, hidden) is refused in words.
        Dictionary<string, string> Form(int service) => new()
        {
            ["client"] = "1001", ["service"] = service.ToString(System.Globalization.CultureInfo.InvariantCulture), ["date"] = "2026-12-01",
            ["start"] = ten.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), ["_csrf"] = PanelClient.Csrf(day),
        };
        Assert.Contains("Клиент записан", await moderator.FollowAsync(await moderator.PostAsync("/panel/bookings/new", Form(_s.MassageId))), StringComparison.Ordinal);
        Assert.Contains("Эта услуга больше не предлагается", await moderator.FollowAsync(await moderator.PostAsync("/panel/bookings/new", Form(1))), StringComparison.Ordinal);
        Assert.Single(await _s.BookingsAsync());
        Assert.Single(anna.Messages, m => m.Text.Contains("Администратор записал вас", StringComparison.Ordinal));
    }
}
