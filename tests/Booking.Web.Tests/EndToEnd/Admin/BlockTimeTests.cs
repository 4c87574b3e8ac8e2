using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A6 through the real host: a block cancels the bookings it overlaps and their clients are told why.</summary>
public sealed class BlockTimeTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Blocking_an_hour_cancels_the_booking_inside_it_and_the_client_is_told_the_reason()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");
        await BookingFlowTests.BookAsync(boris, "2 🟢", "12:00");
        var owner = _s.Admin;

        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🔒 Блокировки");
        await owner.PressAsync("➕ Время");
        await owner.SendTextAsync("02.12 10:30");
        await owner.PressAsync("30 мин");
        await owner.SendTextAsync("Отключат воду");
        Assert.Contains("Будут отменены записи: 1", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("✅ Закрыть");

        Assert.Contains("Отменено записей: 1", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("🔒 2 декабря (ср), 10:30–11:00 · <i>Отключат воду</i>", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("отменить вашу запись: Массаж, 2 декабря (ср) в 10:00", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Причина: Отключат воду", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(["📅 Выбрать другое время"], anna.LastMessage.Buttons.Select(b => b.Text));
        Assert.DoesNotContain(boris.Messages, m => m.Text.Contains("вынуждены отменить", StringComparison.Ordinal));
        var bookings = await _s.BookingsAsync();
        Assert.Equal([BookingStatus.Cancelled, BookingStatus.Confirmed], bookings.Select(b => b.Status));
        Assert.Equal(Actor.Admin, bookings[0].History[^1].Actor);
        Assert.Equal(["block.add"], await _s.Host.DbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_blocked_day_is_closed_for_clients_and_unblocking_opens_it_again()
    {
        var owner = _s.Admin;
        var anna = _s.User(1001, "Анна", "en");
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🔒 Блокировки");
        await owner.PressAsync("➕ День");
        await owner.SendTextAsync("вчера");
        Assert.Contains("Не получилось разобрать дату", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("3.12");
        await owner.PressAsync("⏭ Без причины");
        Assert.Contains("Записей на это время нет", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("✅ Закрыть");
        Assert.Contains("🔒 3 декабря (чт)", owner.LastMessage.Text, StringComparison.Ordinal);

        await anna.SendTextAsync("📅 Book");
        await anna.PressAsync("Массаж");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "3 🔴");

        await owner.PressAsync("🔓 Снять: 3 декабря (чт)");
        Assert.Contains("Блокировка снята", owner.LastMessage.Text, StringComparison.Ordinal);
        await anna.PressAsync("◀️ Services");
        await anna.PressAsync("Массаж");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "3 🟢");
        Assert.Equal(["block.add", "block.remove"], await _s.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }
}
