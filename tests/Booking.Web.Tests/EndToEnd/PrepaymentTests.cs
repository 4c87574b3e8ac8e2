using Booking.Bot.Notifications;
using Booking.Bot.Payments;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>X3 through the local Bot API: invoice, pre-checkout, payment, the 10-minute hold and its release.</summary>
public sealed class PrepaymentTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync()
    {
        _s = await BotScenario.StartAsync(settings: new Dictionary<string, string?> { ["PAYMENT_PROVIDER_TOKEN"] = "381764678:TEST:12345" });
        await _s.Host.DbAsync(async db =>
        {
            (await db.Services.SingleAsync(s => s.Id == _s.MassageId)).RequireDeposit(500m);
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private Task<int> SweepHoldsAsync() => _s.Host.Services.GetRequiredService<HoldSweeper>().SweepAsync(CancellationToken.None);

    private static async Task HoldAsync(FakeUser user)
    {
        await user.SendTextAsync("/book");
        await user.PressAsync("Массаж");
        await user.PressAsync("2 🟢");
        await user.PressAsync("10:00");
        Assert.Contains("💳 При записи — предоплата 500", user.LastMessage.Text, StringComparison.Ordinal);
        await user.PressAsync("✅ Подтвердить");
    }

    /// <summary>
    /// The client holds 10:00 and passes checkout at 9 minutes; the provider takes its time, meanwhile the hold runs
    /// out and Boris takes and pays for the slot; then the client's money arrives. Returns the client's checkout.
    /// </summary>
    private async Task<CheckoutAnswer> PayAfterTheSlotWentToBorisAsync(FakeUser client)
    {
        await HoldAsync(client);
        _s.Clock.Advance(TimeSpan.FromMinutes(9));
        var checkout = await client.CheckoutAsync();
        Assert.True(checkout.Ok);

        _s.Clock.Advance(TimeSpan.FromMinutes(2));
        await SweepHoldsAsync();
        var boris = _s.User(1002, "Борис");
        await HoldAsync(boris);
        Assert.True((await boris.PayAsync()).Ok);
        Assert.True(await client.CompletePaymentAsync(checkout.QueryId));
        return checkout;
    }

    private static bool Offers(FakeUser user, string time) => user.LastMessage.Buttons.Any(b => b.Text == time);

    [Fact]
    public async Task A_deposit_is_invoiced_and_once_paid_the_booking_is_confirmed_announced_and_reminded()
    {
        var anna = _s.User(1001, "Анна");
        await HoldAsync(anna);

        Assert.Contains("Осталось внести предоплату", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("10 мин", anna.LastMessage.Text, StringComparison.Ordinal);
        var invoice = Assert.Single(anna.Invoices).Invoice!;
        Assert.Equal(("Предоплата · Массаж", "RUB", 50_000L, 1), (invoice.Title, invoice.Currency, invoice.TotalAmount, anna.Invoices.Count));
        Assert.DoesNotContain(_s.Admin.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
        Assert.Empty(anna.Documents);

        var answer = await anna.PayAsync();

        Assert.True(answer.Ok);
        Assert.Contains("Предоплата 500", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("Новая запись с предоплатой", StringComparison.Ordinal) && m.Text.Contains("Анна", StringComparison.Ordinal));
        Assert.EndsWith(".ics", Assert.Single(anna.Documents).FileName, StringComparison.Ordinal);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal((BookingStatus.Confirmed, 500m), (booking.Status, booking.PaidAmount));
        await _s.Admin.SendTextAsync("/admin");
        await _s.Admin.PressAsync("📊 Статистика");
        Assert.Contains("💳 Предоплаты получены: 500", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
        using (var panel = await Panel.PanelClient.SignedInAsync(_s, _s.Admin))
        {
            var dashboard = await panel.GetStringAsync("/panel/");
            Assert.Matches("<th>Предоплаты</th><td>500[^<]*₽</td><td>500[^<]*₽</td><td>500[^<]*₽</td>", dashboard);
        }

        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));
        await SweepHoldsAsync();
        await _s.Host.Services.GetRequiredService<NotificationWorker>().SweepAsync(CancellationToken.None);
        Assert.Contains(anna.Messages, m => m.Text.StartsWith("⏰ Напоминаю: завтра", StringComparison.Ordinal));
        Assert.Equal(BookingStatus.Confirmed, Assert.Single(await _s.BookingsAsync()).Status);
    }

    [Fact]
    public async Task My_bookings_shows_a_held_booking_with_its_deposit_and_deadline_then_as_a_booking_once_paid()
    {
        var anna = _s.User(1001, "Анна");
        await HoldAsync(anna);

        await anna.SendTextAsync("/my");
        var held = anna.LastMessage;
        Assert.Contains("⏳ Массаж</b> — ждёт предоплаты", held.Text, StringComparison.Ordinal);
        Assert.Contains("💳 500", held.Text, StringComparison.Ordinal);
        Assert.Contains("до 09:10", held.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("нет предстоящих", held.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(held.Buttons, b => b.Text.StartsWith("❌ Отменить #", StringComparison.Ordinal));
        Assert.Contains(held.Buttons, b => b.Text.StartsWith("❌ Отменить бронь:", StringComparison.Ordinal) && b.Text.EndsWith(", 10:00", StringComparison.Ordinal));

        await anna.PayAsync();
        await anna.SendTextAsync("/my");
        Assert.Contains("1. Массаж", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("⏳", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "❌ Отменить #1");
    }

    [Fact]
    public async Task A_client_can_give_up_a_hold_before_paying_and_the_slot_is_free_at_once_with_nothing_owed()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");
        await HoldAsync(anna);
        var adminMessages = _s.Admin.Messages.Count;

        await anna.SendTextAsync("/my");
        await anna.PressAsync(anna.LastMessage.Buttons.Single(b => b.Text.StartsWith("❌ Отменить бронь", StringComparison.Ordinal)).Text);
        Assert.Contains("Отменить запись?", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.AwaitingPayment, Assert.Single(await _s.BookingsAsync()).Status);
        await anna.PressAsync("✅ Да, отменить");

        Assert.Contains("Запись отменена", anna.LastMessage.Text, StringComparison.Ordinal);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal((BookingStatus.Expired, null), (booking.Status, booking.HoldUntilUtc));
        Assert.Equal(adminMessages, _s.Admin.Messages.Count); // the admins never heard of the hold, so nothing to take back
        await boris.SendTextAsync("/book");
        await boris.PressAsync("Массаж");
        await boris.PressAsync("2 🟢");
        Assert.True(Offers(boris, "10:00"));

        // The invoice is still in the chat: paying it now is refused before any money moves.
        var answer = await anna.CheckoutAsync();
        Assert.False(answer.Ok);
        Assert.Null(Assert.Single(await _s.BookingsAsync()).PaidAmount);
        await anna.SendTextAsync("/my");
        Assert.Contains("нет предстоящих", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lapsed_hold_is_gone_from_my_bookings()
    {
        var anna = _s.User(1001, "Анна");
        await HoldAsync(anna);
        _s.Clock.Advance(TimeSpan.FromMinutes(11));
        await SweepHoldsAsync();

        await anna.SendTextAsync("/my");
        Assert.Contains("нет предстоящих", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("⏳", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unpaid_hold_keeps_the_slot_for_ten_minutes_then_frees_it_and_tells_the_client_kindly()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");
        await HoldAsync(anna);
        await boris.SendTextAsync("/book");
        await boris.PressAsync("Массаж");
        await boris.PressAsync("2 🟢");
        Assert.False(Offers(boris, "10:00"));
        Assert.True(Offers(boris, "❌ 10:00"));

        // The host sweeps on its own as the clock moves; a sweep by hand returns once any sweep in progress is done.
        _s.Clock.Advance(TimeSpan.FromMinutes(9));
        await SweepHoldsAsync();
        Assert.Equal(BookingStatus.AwaitingPayment, Assert.Single(await _s.BookingsAsync()).Status);
        _s.Clock.Advance(TimeSpan.FromMinutes(1));
        await SweepHoldsAsync();

        Assert.Contains("Время на оплату вышло", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("выберите время заново", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(["📅 Выбрать другое время"], anna.LastMessage.Buttons.Select(b => b.Text));
        await boris.PressAsync("📅 Другой день");
        await boris.PressAsync("2 🟢");
        Assert.True(Offers(boris, "10:00"));
        Assert.Equal(BookingStatus.Expired, Assert.Single(await _s.BookingsAsync()).Status);
    }

    [Fact]
    public async Task Paying_after_the_hold_ran_out_is_refused_at_checkout_and_takes_no_money()
    {
        var anna = _s.User(1001, "Анна");
        await HoldAsync(anna);
        _s.Clock.Advance(TimeSpan.FromMinutes(11));

        var answer = await anna.CheckoutAsync();

        Assert.False(answer.Ok);
        Assert.Contains("Время на оплату вышло", answer.Error, StringComparison.Ordinal);
        Assert.False(await anna.CompletePaymentAsync(answer.QueryId));
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.NotEqual(BookingStatus.Confirmed, booking.Status);
        Assert.Null(booking.PaidAmount);
        Assert.DoesNotContain(_s.Admin.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Money_that_arrives_after_the_slot_was_given_to_someone_else_is_owed_back_and_both_sides_are_told()
    {
        var anna = _s.User(1001, "Анна");
        var checkout = await PayAfterTheSlotWentToBorisAsync(anna);

        Assert.Contains("это время, к сожалению, уже занято", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("Нужен возврат предоплаты", StringComparison.Ordinal)
            && m.Text.Contains("Анна", StringComparison.Ordinal) && m.Text.Contains("provider-" + checkout.QueryId, StringComparison.Ordinal));
        var bookings = await _s.BookingsAsync();
        Assert.Equal((BookingStatus.Expired, true), (bookings[0].Status, bookings[0].RefundDue));
        Assert.Equal(BookingStatus.Confirmed, bookings[1].Status);

        // The money goes back in the provider's dashboard; the button under the message records that it did.
        await _s.Admin.PressAsync("↩️ Предоплату вернули");

        Assert.Equal("Отмечено: предоплата возвращена ✅", _s.Admin.CallbackAnswers[^1].Text);
        Assert.Contains("↩️ Предоплата 500", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("возвращена клиенту", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_s.Admin.LastMessage.Buttons, b => b.Text == "↩️ Предоплату вернули");
        var refunded = (await _s.BookingsAsync())[0];
        Assert.Equal((false, _s.Clock.GetUtcNow().UtcDateTime), (refunded.RefundDue, refunded.RefundedUtc));
    }

    [Fact]
    public async Task The_panel_lists_a_deposit_owed_back_until_an_admin_marks_it_returned()
    {
        var checkout = await PayAfterTheSlotWentToBorisAsync(_s.User(1001, "Анна"));
        var owed = (await _s.BookingsAsync())[0];
        Assert.True(owed.RefundDue);

        using var panel = await Panel.PanelClient.SignedInAsync(_s, _s.Admin);
        var dashboard = await panel.GetStringAsync("/panel/");
        Assert.Contains("Нужно вернуть предоплату", dashboard, StringComparison.Ordinal);
        Assert.Contains("provider-" + checkout.QueryId, dashboard, StringComparison.Ordinal);
        Assert.Contains($"data-booking=\"{owed.Id}\"", dashboard, StringComparison.Ordinal);

        var after = await panel.FollowAsync(await panel.SubmitAsync("/panel/", $"/panel/bookings/{owed.Id}/refunded", new Dictionary<string, string>()));

        Assert.Contains("Отмечено: предоплата возвращена.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Нужно вернуть предоплату", after, StringComparison.Ordinal);
        var refunded = (await _s.BookingsAsync())[0];
        Assert.Equal((false, _s.Clock.GetUtcNow().UtcDateTime), (refunded.RefundDue, refunded.RefundedUtc));
        Assert.Equal(1, await _s.Host.DbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "payment.refunded" && a.ActorId == BotScenario.AdminId)));
    }

    [Fact]
    public async Task An_admin_sets_a_deposit_on_a_service_and_the_card_shows_it()
    {
        await _s.Admin.SendTextAsync("/admin");
        await _s.Admin.PressAsync("🧾 Услуги");
        await _s.Admin.PressAsync("Массаж");
        await _s.Admin.PressAsync("💳 Предоплата");
        await _s.Admin.SendTextAsync("5000");
        Assert.Contains("не больше цены", _s.Admin.LastMessage.Text, StringComparison.Ordinal);

        await _s.Admin.SendTextAsync("700");

        Assert.Contains("💳 Предоплата при записи: 700", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(700m, await _s.Host.DbAsync(db => db.Services.Where(s => s.Id == _s.MassageId).Select(s => s.DepositAmount).SingleAsync()));
    }
}
