using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>
/// A3 through the bot: a client phones, and the admin books them — found by name, inside the notice a client must
/// give — from the schedule. The client is told, with the calendar file.
/// </summary>
public sealed class BookForClientTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task An_admin_finds_a_client_by_name_and_books_them_inside_the_notice_and_the_client_is_told()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/start");
        await _s.Host.DbAsync(async db =>
        {
            db.Admins.Add(new Booking.Core.Domain.Admin(700, AdminRole.Moderator, BotScenario.AdminId, BotScenario.DefaultNow.UtcDateTime));
            await db.SaveChangesAsync();
        });
        var moderator = _s.User(700, "Мария");
        await moderator.SendTextAsync("/start");
        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 6, 30, 0, TimeSpan.Zero)); // 09:30: 10:00 is too soon for a client
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🗓 Расписание");

        await owner.PressAsync("➕ Записать клиента");
        Assert.Contains("Кого записываем?", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("анн");
        Assert.Contains("Нашлось: 1", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(["Анна", "🔍 Искать снова", "◀️ К расписанию"], owner.LastMessage.Buttons.Select(b => b.Text));

        await owner.PressAsync("Анна");
        Assert.Contains("Выберите услугу", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("Массаж");
        Assert.Contains("Выберите день", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("1 🟢");
        await owner.PressAsync("10:00");
        Assert.Contains("Записываем?", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("<b>Запись</b> · Анна", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("📅 1 декабря (вт), 10:00", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("✅ Записать");

        Assert.Contains("Клиент записан и получил сообщение", owner.LastMessage.Text, StringComparison.Ordinal);
        var told = Assert.Single(anna.Messages, m => m.Text.Contains("Администратор записал вас", StringComparison.Ordinal));
        Assert.Contains("📅 <b>1 декабря (вт), 10:00</b>", told.Text, StringComparison.Ordinal);
        Assert.Single(anna.Documents);

        // The other admins hear of every new booking (C5); the one who made it is not told of it again.
        var heard = Assert.Single(moderator.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
        Assert.Contains("внёс администратор", heard.Text, StringComparison.Ordinal);
        Assert.Contains("Анна (id 1001)", heard.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(owner.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal((1001L, new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc), BookingStatus.Confirmed), (booking.ClientId, booking.StartUtc, booking.Status));
        Assert.Equal((Actor.Admin, (long?)BotScenario.AdminId), (booking.History.Single().Actor, booking.History.Single().ActorId));
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("booking.create", $"booking:{booking.Id}"), (audit.Action, audit.Target));

        // A second tap on the same confirmation books nothing more.
        await owner.PressDataAsync(owner.LastMessage.MessageId, new Bot.Callbacks.AdminBookConfirm(1001, _s.MassageId, booking.StartUtc).Format());
        Assert.Single(await _s.BookingsAsync());
    }

    [Fact]
    public async Task Nobody_found_asks_again_and_text_typed_after_leaving_or_by_a_client_is_no_search()
    {
        var boris = _s.User(1002, "Борис");
        await boris.SendTextAsync("/start");
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🗓 Расписание");
        await owner.PressAsync("➕ Записать клиента");

        await owner.SendTextAsync("Зоя");
        Assert.Contains("По «Зоя» никого не нашёл", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Кого записываем?", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("б");
        Assert.Contains("хотя бы две буквы", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.PressAsync("◀️ К расписанию");
        await owner.SendTextAsync("Борис");
        Assert.Contains("Не понял вас", owner.LastMessage.Text, StringComparison.Ordinal);

        await boris.PressDataAsync(boris.LastMessage.MessageId, new Bot.Callbacks.AdminBookClient(1002).Format());
        Assert.Contains("устарела", boris.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        await boris.SendTextAsync("Борис");
        Assert.Contains("Не понял вас", boris.LastMessage.Text, StringComparison.Ordinal);
        Assert.Empty(await _s.BookingsAsync());
    }
}
