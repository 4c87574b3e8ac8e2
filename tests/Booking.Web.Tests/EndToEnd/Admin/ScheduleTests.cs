using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A3 + X5 through the bot: the day's schedule, a booking's card, marks, cancellation and a message.</summary>
public sealed class ScheduleTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Marking_a_no_show_counts_it_for_the_client_with_history_and_audit()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "1 🟢", "11:00");
        await _s.Host.DbAsync(async db =>
        {
            (await db.Bookings.SingleAsync()).ConfirmAttendance(BotScenario.DefaultNow.UtcDateTime);
            await db.SaveChangesAsync();
        });
        var owner = _s.Admin;

        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🗓 Расписание");
        Assert.Contains("11:00 — Массаж, Анна ✅", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("11:00 Анна ✅");
        Assert.Contains("визитов: 0 · неявок: 0", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.LastMessage.Buttons, b => b.Text == "🚫 Не пришёл");

        _s.Clock.Advance(TimeSpan.FromHours(2.5));
        await owner.PressAsync("◀️ К расписанию");
        await owner.PressAsync("11:00 Анна ✅");
        await owner.PressAsync("🚫 Не пришёл");

        Assert.Contains("Статус: неявка", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("визитов: 0 · неявок: 1", owner.LastMessage.Text, StringComparison.Ordinal);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(BookingStatus.NoShow, booking.Status);
        var mark = booking.History.Single(h => h.Change == BookingChange.NoShow);
        Assert.Equal((Actor.Admin, (long?)BotScenario.AdminId), (mark.Actor, mark.ActorId));
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("booking.no_show", $"booking:{booking.Id}"), (audit.Action, audit.Target));

        await owner.PressAsync("◀️ К расписанию");
        Assert.Contains("🚫 11:00 — Массаж, Анна", owner.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_with_a_typed_reason_tells_the_client_and_a_message_reaches_them_politely()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "12:00");
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🗓 Расписание");
        Assert.Contains("Записей нет", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.PressAsync("▶️");
        await owner.PressAsync("10:00 Анна");
        await owner.PressAsync("✉️ Написать клиенту");
        await owner.SendTextAsync("Возьмите, пожалуйста, полотенце <3");
        Assert.Contains("Сообщение от администратора", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Возьмите, пожалуйста, полотенце &lt;3", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Сообщение отправлено", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.PressAsync("❌ Отменить");
        await owner.SendTextAsync("Мастер заболел");

        Assert.Contains("Запись отменена, клиент предупреждён", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Ваша запись отменена администратором", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("2 декабря (ср), 10:00", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Причина: Мастер заболел", anna.LastMessage.Text, StringComparison.Ordinal);
        var bookings = await _s.BookingsAsync();
        Assert.Equal((BookingStatus.Cancelled, "Мастер заболел"), (bookings[0].Status, bookings[0].CancelReason));
        Assert.Equal(BookingStatus.Confirmed, bookings[1].Status);
        Assert.Equal("booking.cancel", (await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync())).Action);

        // The notice carries the way back: another time for the same service, in the same message.
        var notice = anna.LastMessage;
        Assert.Equal(["📅 Выбрать другое время"], notice.Buttons.Select(b => b.Text));
        await anna.PressAsync("📅 Выбрать другое время");
        Assert.Equal(notice.MessageId, anna.LastMessage.MessageId);
        Assert.Contains("Шаг 2 из 4 · День", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Массаж", anna.LastMessage.Text, StringComparison.Ordinal);

        await owner.SendTextAsync("ещё текст");
        Assert.Contains("Не понял вас", owner.LastMessage.Text, StringComparison.Ordinal);
    }
}
