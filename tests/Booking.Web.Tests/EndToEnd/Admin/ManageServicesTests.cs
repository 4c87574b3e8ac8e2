using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A4 through the real host: what the owner types and taps, and what a client sees right after.</summary>
public sealed class ManageServicesTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_owner_creates_a_service_step_by_step_and_a_client_can_book_it_at_once()
    {
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🧾 Услуги");
        await owner.PressAsync("➕ Новая услуга");
        var wizard = owner.LastMessage.MessageId;
        Assert.Contains("шаг 1 из 5", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.SendTextAsync("Стрижка");
        Assert.Contains("шаг 2 из 5", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Empty(owner.Messages.Single(m => m.MessageId == wizard).Buttons);
        await owner.PressAsync("⏭ Без описания");
        Assert.Contains("шаг 3 из 5", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("5");
        Assert.Contains("от 15 до 480", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("45 мин");
        await owner.SendTextAsync("полторы тысячи");
        Assert.Contains("Не получилось прочитать цену", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("1 500");
        Assert.Contains("шаг 5 из 5", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("Каждые 15 мин");

        Assert.Contains("Услуга создана", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("⏱ 45 мин · 💰 1\u202F500 ₽", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("каждые 15 мин", owner.LastMessage.Text, StringComparison.Ordinal);

        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("📅 Записаться");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text.StartsWith("Стрижка · 45 мин", StringComparison.Ordinal));
        await anna.PressAsync("Стрижка");
        await anna.PressAsync("2 🟢");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "09:15");

        var audit = await _s.Host.DbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Equal(["service.create"], audit);
    }

    [Fact]
    public async Task Hiding_a_service_removes_it_from_the_clients_list_and_editing_its_price_shows_at_once()
    {
        var owner = _s.Admin;
        var anna = _s.User(1001, "Анна");
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🧾 Услуги");
        await owner.PressAsync("✅ Массаж");
        await owner.PressAsync("💰 Цена");
        await owner.SendTextAsync("3000");
        Assert.Contains("Сохранено", owner.LastMessage.Text, StringComparison.Ordinal);
        await anna.SendTextAsync("📅 Записаться");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text.Contains("Массаж · 60 мин · 3\u202F000 ₽", StringComparison.Ordinal));

        await owner.PressAsync("⏸ Скрыть");
        Assert.Contains("клиенты её больше не видят", owner.LastMessage.Text, StringComparison.Ordinal);
        await anna.SendTextAsync("📅 Записаться");

        Assert.DoesNotContain(anna.LastMessage.Buttons, b => b.Text.Contains("Массаж", StringComparison.Ordinal));
        var audit = await _s.Host.DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["service.price", "service.deactivate"], audit);
    }

    [Fact]
    public async Task Deleting_a_booked_service_asks_first_and_keeps_its_history()
    {
        await BookingFlowTests.BookAsync(_s.User(1001, "Анна"), "2 🟢", "10:00");
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🧾 Услуги");
        await owner.PressAsync("✅ Массаж");
        await owner.PressAsync("🗑 Удалить");
        Assert.Contains("история записей сохранится", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.PressAsync("✅ Да, удалить");

        Assert.Contains("Услуга удалена", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Массаж", owner.LastMessage.Text, StringComparison.Ordinal);
        var service = await _s.Host.DbAsync(db => db.Services.SingleAsync(s => s.Id == _s.MassageId));
        Assert.True(service.IsDeleted);
        Assert.Single(await _s.BookingsAsync());
    }

    [Fact]
    public async Task Cancel_leaves_the_wizard_and_later_text_is_not_taken_as_an_answer()
    {
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🧾 Услуги");
        await owner.PressAsync("➕ Новая услуга");
        await owner.SendTextAsync("/cancel");
        Assert.Contains("действие отменено", owner.LastMessage.Text, StringComparison.Ordinal);

        await owner.SendTextAsync("Стрижка");

        Assert.Equal(2, await _s.Host.DbAsync(db => db.Services.CountAsync()));
        Assert.Empty(await _s.Host.DbAsync(db => db.Conversations.ToListAsync()));
    }
}
