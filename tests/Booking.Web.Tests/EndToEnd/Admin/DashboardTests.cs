using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A2 through the bot: the owner opens the dashboard and switches periods.</summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_owner_sees_the_weeks_figures_and_then_todays()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");

        // A visit last Monday (30 November, 10:00 Moscow), booked the day before and marked completed.
        await _s.AddCompletedVisitAsync(1001, new DateTime(2026, 11, 30, 7, 0, 0, DateTimeKind.Utc));
        var owner = _s.Admin;

        await owner.SendTextAsync("/admin");
        await owner.PressAsync("📊 Статистика");

        var week = owner.LastMessage.Text;
        Assert.Contains("Статистика · 7 дней", week, StringComparison.Ordinal);
        Assert.Contains("25 ноября (ср) — 1 декабря (вт)", week, StringComparison.Ordinal);
        Assert.Contains("📝 Новых записей: 2", week, StringComparison.Ordinal);
        Assert.Contains("✅ Визитов: 1 · 🚫 неявок: 0 · ❌ отмен: 0", week, StringComparison.Ordinal);
        Assert.Contains("👥 Новых клиентов: 1 · активных: 1", week, StringComparison.Ordinal);
        Assert.Contains("💰 Выручка: 2\u202F500 ₽", week, StringComparison.Ordinal);
        Assert.Contains("🔮 Ожидается до 7 декабря (пн): 2\u202F500 ₽", week, StringComparison.Ordinal);
        Assert.Contains("📈 Загрузка: 2% (1 ч из 63 ч)", week, StringComparison.Ordinal);
        Assert.DoesNotContain("Предоплаты", week, StringComparison.Ordinal);

        Assert.Contains("1. Анна — 1", week, StringComparison.Ordinal);
        Assert.Contains("Загрузка ниже 30%", week, StringComparison.Ordinal);
        Assert.Contains(owner.LastMessage.Buttons, b => b.Text == "· 7 дней ·");

        await owner.PressAsync("Сегодня");

        var today = owner.LastMessage.Text;
        Assert.Contains("Статистика · сегодня", today, StringComparison.Ordinal);
        Assert.Contains("📝 Новых записей: 1", today, StringComparison.Ordinal);
        Assert.Contains("💰 Выручки пока нет", today, StringComparison.Ordinal);
        Assert.Contains("🔮 Будущих записей пока нет", today, StringComparison.Ordinal);
        Assert.Contains("📈 Загрузка: 0% (0 мин из 9 ч)", today, StringComparison.Ordinal);
        Assert.Equal(0, owner.UnansweredCallbacks);

        // Without deposits neither the bot nor the panel shows a deposits line.
        using (var panel = await Panel.PanelClient.SignedInAsync(_s, owner))
        {
            Assert.DoesNotContain("Предоплаты", await panel.GetStringAsync("/panel/"), StringComparison.Ordinal);
        }
    }
}
