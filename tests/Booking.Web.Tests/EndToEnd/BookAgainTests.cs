using Booking.Bot.Notifications;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>
/// Booking the same service again: from the thanks for a review, and from the list of past bookings. Each button opens
/// the booking's day step for that service in the same message, and only while the business still offers it.
/// </summary>
public sealed class BookAgainTests : IAsyncLifetime
{
    private const string Again = "🔁 Записаться снова";
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private void At(int day, int hour) => _s.Clock.SetUtcNow(new DateTimeOffset(2026, 12, day, hour - 3, 0, 0, TimeSpan.Zero));

    /// <summary>Anna's massage on 4 December at 10:00, then the review request three hours after its end.</summary>
    private async Task<FakeUser> VisitAndAskForReviewAsync()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        At(4, 13);
        await _s.Host.Services.GetRequiredService<NotificationWorker>().SweepAsync(CancellationToken.None);
        Assert.StartsWith("💬 Как прошёл визит", anna.LastMessage.Text, StringComparison.Ordinal);
        return anna;
    }

    private Task HideMassageAsync() => _s.Host.DbAsync(async db =>
    {
        (await db.Services.SingleAsync(s => s.Id == _s.MassageId)).Deactivate();
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_thanks_for_a_rating_books_the_same_service_again_in_the_same_message()
    {
        var anna = await VisitAndAskForReviewAsync();
        await anna.PressAsync("5 ⭐");
        await anna.PressAsync("Без комментария");
        var thanks = anna.LastMessage;
        Assert.Equal("Спасибо за отзыв! 💛", thanks.Text);
        Assert.Equal([Again], thanks.Buttons.Select(b => b.Text));

        await anna.PressAsync(Again);

        Assert.Equal(thanks.MessageId, anna.LastMessage.MessageId);
        Assert.Contains("Шаг 2 из 4 · День", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Массаж", anna.LastMessage.Text, StringComparison.Ordinal);
        await anna.PressAsync("11 🟢");
        await anna.PressAsync("10:00");
        await anna.PressAsync("✅ Подтвердить");
        Assert.Contains("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await _s.BookingsAsync()).Count(b => b.ClientId == 1001 && b.ServiceId == _s.MassageId));
    }

    [Fact]
    public async Task The_thanks_for_a_comment_offers_it_too_and_a_service_no_longer_offered_is_not()
    {
        var anna = await VisitAndAskForReviewAsync();
        await anna.PressAsync("4 ⭐");
        await anna.SendTextAsync("Всё понравилось");
        Assert.Equal("Спасибо за отзыв! 💛", anna.LastMessage.Text);
        Assert.Equal([Again], anna.LastMessage.Buttons.Select(b => b.Text));

        // The owner hides the service: the button drawn before is answered politely, and a new thanks has none.
        await HideMassageAsync();
        await anna.PressAsync(Again);
        Assert.Contains("услуга сейчас недоступна", anna.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Шаг 2 из 4", anna.LastMessage.Text, StringComparison.Ordinal);

        var boris = _s.User(1002, "Борис");
        await boris.SendTextAsync("/start");
        var visit = await _s.AddCompletedVisitAsync(1002, new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc));
        await boris.PressDataAsync(boris.LastMessage.MessageId, $"rv:{visit}:5");
        await boris.PressAsync("Без комментария");
        Assert.Equal("Спасибо за отзыв! 💛", boris.LastMessage.Text);
        Assert.Empty(boris.LastMessage.Buttons);
    }

    [Fact]
    public async Task Past_bookings_offer_each_service_visited_that_is_still_offered_not_a_cancelled_one()
    {
        await _s.AddServiceAsync("Стрижка", 30, 1500m);
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "12:00", "Стрижка");
        await _s.AddCompletedVisitAsync(1001, new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc));
        await _s.AddCompletedVisitAsync(1001, new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc));
        await anna.SendTextAsync("/my");
        await anna.PressAsync("❌ Отменить #1");
        await anna.PressAsync("✅ Да, отменить");

        await anna.SendTextAsync("/my");
        await anna.PressAsync("🕘 Прошедшие");
        var past = anna.LastMessage;
        Assert.Contains("❌ 3 декабря (чт), 12:00 — Стрижка", past.Text, StringComparison.Ordinal);
        Assert.Equal(["🔁 Снова: Массаж", "◀️ К моим записям"], past.Buttons.Select(b => b.Text));

        await anna.PressAsync("🔁 Снова: Массаж");
        Assert.Equal(past.MessageId, anna.LastMessage.MessageId);
        Assert.Contains("Шаг 2 из 4 · День", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Массаж", anna.LastMessage.Text, StringComparison.Ordinal);

        await HideMassageAsync();
        await anna.SendTextAsync("/my");
        await anna.PressAsync("🕘 Прошедшие");
        Assert.Equal(["◀️ К моим записям"], anna.LastMessage.Buttons.Select(b => b.Text));
    }
}
