using Booking.Bot.Callbacks;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A3 through the bot: an admin moves a client's booking from its card; the client is told.</summary>
public sealed class MoveBookingTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static DateTime Moscow(int day, int hour) => new(2026, 12, day, hour - 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task An_admin_moves_a_booking_due_in_two_hours_and_the_client_is_told_the_old_and_new_time()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "1 🟢", "11:00");
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🗓 Расписание");
        await owner.PressAsync("11:00 Анна");

        await owner.PressAsync("🔄 Перенести");
        Assert.Contains("Перенос записи", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Сейчас: 1 декабря (вт), 11:00", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("1 🟢");
        Assert.Contains("Выберите время", owner.LastMessage.Text, StringComparison.Ordinal);

        // 10:00 is inside the client's 60-minute notice and 24-hour window; the business may still move there.
        await owner.PressAsync("10:00");
        Assert.Contains("Было: 1 декабря (вт), 11:00", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Станет: 1 декабря (вт), 10:00", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("✅ Перенести");

        Assert.Contains("Запись перенесена, клиент предупреждён", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("1 декабря (вт), 10:00", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Администратор перенёс вашу запись", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Было: 1 декабря (вт), 11:00", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Теперь: <b>1 декабря (вт), 10:00</b>", anna.LastMessage.Text, StringComparison.Ordinal);

        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(Moscow(1, 10), booking.StartUtc);
        var moved = booking.History.Single(h => h.Change == BookingChange.Rescheduled);
        Assert.Equal((Actor.Admin, (long?)BotScenario.AdminId), (moved.Actor, moved.ActorId));
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("booking.move", $"booking:{booking.Id}"), (audit.Action, audit.Target));
    }

    [Fact]
    public async Task A_time_taken_by_another_client_is_crossed_out_and_a_forged_confirm_onto_it_is_refused()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");
        await BookingFlowTests.BookAsync(boris, "2 🟢", "12:00");
        var annaId = (await _s.BookingsAsync()).Single(b => b.ClientId == 1001).Id;
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🗓 Расписание");
        await owner.PressAsync("▶️");
        await owner.PressAsync("10:00 Анна");
        await owner.PressAsync("🔄 Перенести");
        await owner.PressAsync("2 🟢");
        Assert.Contains(owner.LastMessage.Buttons, b => b.Text == "❌ 12:00");

        await owner.PressDataAsync(owner.LastMessage.MessageId, new AdminMoveConfirm(annaId, Moscow(2, 12)).Format());

        Assert.Contains("только что заняли", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(Moscow(2, 10), (await _s.BookingsAsync()).Single(b => b.Id == annaId).StartUtc);
        Assert.DoesNotContain(anna.Messages, m => m.Text.Contains("перенёс", StringComparison.Ordinal));
        Assert.False(await _s.Host.DbAsync(db => db.AuditEntries.AnyAsync()));
    }
}
