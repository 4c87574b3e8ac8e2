using Booking.Bot.Callbacks;
using Booking.Bot.Notifications;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Booking.Web.Tests.Panel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>
/// X4 through the real host and the fake Bot API. Thursday 3 December is blocked 09:00–17:00 and Анна books its last
/// hour, so the day is 🔴 and her cancellation frees exactly 17:00.
/// </summary>
public sealed class WaitlistTests : IAsyncLifetime
{
    private static readonly DateTime Last = new(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc);

    private BotScenario _s = null!;
    private FakeUser _anna = null!;

    public async Task InitializeAsync()
    {
        _s = await BotScenario.StartAsync();
        await _s.Host.DbAsync(async db =>
        {
            db.Blocks.Add(new Block(new DateTime(2026, 12, 3, 6, 0, 0, DateTimeKind.Utc), Last, "обучение", null, BotScenario.DefaultNow.UtcDateTime));
            await db.SaveChangesAsync();
        });
        _anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(_anna, "3 🟡", "17:00");
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private Task<int> SweepAsync() => _s.Host.Services.GetRequiredService<NotificationWorker>().SweepAsync(CancellationToken.None);

    private static async Task JoinAsync(FakeUser user)
    {
        await user.SendTextAsync("/book");
        await user.PressAsync("Массаж");
        await user.PressAsync("3 🔴");
        await user.PressAsync("🔔 Встать в лист ожидания");
        Assert.Contains("Вы в листе ожидания", user.LastMessage.Text, StringComparison.Ordinal);
    }

    private async Task AnnaCancelsAsync()
    {
        await _anna.SendTextAsync("/my");
        await _anna.PressAsync("❌ Отменить #1");
        await _anna.PressAsync("✅ Да, отменить");
    }

    private static List<BotMessage> Offers(FakeUser user) =>
        user.Messages.Where(m => m.Text.Contains("Освободилось время", StringComparison.Ordinal)).ToList();

    private Task<List<WaitlistEntry>> WaitsAsync() => _s.Host.DbAsync(db => db.WaitlistEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_full_day_offers_the_waitlist_and_the_client_sees_their_wait_in_my_bookings()
    {
        var boris = _s.User(1002, "Борис");
        await boris.SendTextAsync("/book");
        await boris.PressAsync("Массаж");
        await boris.PressAsync("3 🔴");

        Assert.Contains("3 декабря (чт)</b> всё занято", boris.LastMessage.Text, StringComparison.Ordinal);
        await boris.PressAsync("🔔 Встать в лист ожидания");
        Assert.Contains("Вы в листе ожидания", boris.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("📅 3 декабря (чт)", boris.LastMessage.Text, StringComparison.Ordinal);

        await boris.SendTextAsync("/my");
        await boris.PressAsync("🔔 Лист ожидания (1)");
        Assert.Contains("1. Массаж — 3 декабря (чт)", boris.LastMessage.Text, StringComparison.Ordinal);
        await boris.PressAsync("🚫 Не ждать #1");
        Assert.Contains("ничего не ждёте", boris.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(WaitStatus.Left, Assert.Single(await WaitsAsync()).Status);
        Assert.Equal(0, boris.UnansweredCallbacks);
    }

    [Fact]
    public async Task Mydata_counts_the_days_waited_for_and_forgetme_takes_the_waits_with_it()
    {
        var boris = _s.User(1002, "Борис");
        await JoinAsync(boris);

        await boris.SendTextAsync("/mydata");
        Assert.Contains("🔔 Лист ожидания: дней — 1", boris.LastMessage.Text, StringComparison.Ordinal);

        await boris.PressAsync("🗑 Удалить мои данные");
        await boris.PressAsync("🗑 Да, удалить");
        Assert.Empty(await WaitsAsync());
    }

    [Fact]
    public async Task Joining_the_same_day_twice_is_answered_kindly_and_keeps_one_wait()
    {
        var boris = _s.User(1002, "Борис");
        await JoinAsync(boris);
        var joined = boris.LastMessage;

        await boris.PressDataAsync(joined.MessageId, new EnterWaitlist(_s.MassageId, new DateOnly(2026, 12, 3)).Format());
        Assert.Contains("Вы уже в листе ожидания", boris.LastMessage.Text, StringComparison.Ordinal);
        await boris.SendTextAsync("/book");
        await boris.PressAsync("Массаж");
        await boris.PressAsync("3 🔴");

        Assert.Contains("Вы уже в листе ожидания", boris.LastMessage.Text, StringComparison.Ordinal);
        Assert.Single(await WaitsAsync());
    }

    [Fact]
    public async Task A_cancellation_tells_everyone_waiting_and_of_two_taps_at_once_exactly_one_books_while_the_other_stays_waiting()
    {
        var boris = _s.User(1002, "Борис");
        var vera = _s.User(1003, "Вера");
        await JoinAsync(boris);
        await JoinAsync(vera);

        await AnnaCancelsAsync();
        Assert.Empty(Offers(boris));
        await SweepAsync();

        var offers = new[] { Assert.Single(Offers(boris)), Assert.Single(Offers(vera)) };
        Assert.All(offers, o => Assert.Contains("3 декабря (чт)", o.Text, StringComparison.Ordinal));
        Assert.All(offers, o => Assert.Equal(["17:00", "🚫 Больше не ждать"], o.Buttons.Select(b => b.Text)));
        Assert.Empty(Offers(_anna));

        await Task.WhenAll(boris.PressAsync(offers[0].MessageId, "17:00"), vera.PressAsync(offers[1].MessageId, "17:00"));

        var booked = (await _s.BookingsAsync()).Where(b => b.StartUtc == Last && b.Status == BookingStatus.Confirmed).ToList();
        var winner = Assert.Single(booked).ClientId == boris.Id ? boris : vera;
        var loser = winner == boris ? vera : boris;
        string Card(FakeUser user) => user.Messages.Single(m => m.MessageId == offers[user == boris ? 0 : 1].MessageId).Text;
        Assert.Contains("Вы записаны", Card(winner), StringComparison.Ordinal);
        Assert.Contains("уже успели занять", loser.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        Assert.Contains("уже заняли", Card(loser), StringComparison.Ordinal);
        Assert.Contains("Вы остаётесь в листе ожидания", Card(loser), StringComparison.Ordinal);
        var waits = await WaitsAsync();
        Assert.Equal(WaitStatus.Booked, waits.Single(w => w.ClientId == winner.Id).Status);
        Assert.Equal(WaitStatus.Waiting, waits.Single(w => w.ClientId == loser.Id).Status);
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal) && m.Text.Contains(winner.FirstName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_owner_turns_the_waitlist_off_a_full_day_is_then_only_full_and_a_wait_made_before_is_still_served()
    {
        var boris = _s.User(1002, "Борис");
        await JoinAsync(boris);
        await boris.SendTextAsync("/help");
        Assert.Contains("выбрать услугу, день и время", boris.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("запись\n🔔 <b>Лист ожидания</b> — нажмите на занятый день 🔴", boris.LastMessage.Text, StringComparison.Ordinal);

        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("⚙️ Настройки");
        Assert.Contains("🔔 Лист ожидания: до 3 дн. у клиента", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressAsync("🔔 Лист ожидания");
        Assert.Contains("0, чтобы выключить", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("-1");
        Assert.Contains("от 0 до 10", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("0");
        Assert.Contains("🔔 Лист ожидания: выключен", owner.LastMessage.Text, StringComparison.Ordinal);

        // The help no longer promises it (and has no gap where it was).
        await boris.SendTextAsync("/help");
        Assert.DoesNotContain("Лист ожидания", boris.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("отменить запись\nℹ️ <b>О сервисе</b>", boris.LastMessage.Text, StringComparison.Ordinal);

        // A new client: the red day only says it is full (the button itself leads nowhere else now).
        var vera = _s.User(1003, "Вера");
        await vera.SendTextAsync("/book");
        await vera.PressAsync("Массаж");
        var calendar = vera.LastMessage;
        Assert.Equal("nop:full", calendar.Buttons.Single(b => b.Text == "3 🔴").CallbackData);
        await vera.PressAsync("3 🔴");
        Assert.Contains("занят", vera.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        Assert.Equal(calendar.Text, vera.LastMessage.Text);

        // A day picked from a calendar drawn before it filled up: the calendar comes back without a waitlist button.
        await vera.PressDataAsync(calendar.MessageId, new PickDay(Target.Book(_s.MassageId), new DateOnly(2026, 12, 3)).Format());
        Assert.Contains("свободного времени нет", vera.LastMessage.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(vera.LastMessage.Buttons, b => b.Text.Contains("ожидани", StringComparison.Ordinal));

        // An old offer button pressed now (or a forged one) joins nothing either.
        await vera.PressDataAsync(vera.LastMessage.MessageId, new EnterWaitlist(_s.MassageId, new DateOnly(2026, 12, 3)).Format());
        Assert.Contains("занят", vera.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        Assert.Equal([boris.Id], (await WaitsAsync()).Select(w => w.ClientId));

        // Boris joined before it was turned off: he is still told when the time frees up.
        await AnnaCancelsAsync();
        await SweepAsync();
        Assert.Single(Offers(boris));
        Assert.Empty(Offers(vera));
        Assert.Equal(0, vera.UnansweredCallbacks);
    }

    [Fact]
    public async Task An_offer_whose_time_is_taken_before_it_goes_out_is_never_sent()
    {
        var boris = _s.User(1002, "Борис");
        await JoinAsync(boris);
        await AnnaCancelsAsync();

        await BookingFlowTests.BookAsync(_s.User(1004, "Глеб"), "3 🟡", "17:00");
        await SweepAsync();

        Assert.Empty(Offers(boris));
        Assert.Equal(WaitStatus.Waiting, Assert.Single(await WaitsAsync()).Status);
    }

    [Fact]
    public async Task A_wait_for_a_day_that_has_passed_expires_and_leaves_the_list()
    {
        var boris = _s.User(1002, "Борис");
        await JoinAsync(boris);

        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero));
        await SweepAsync();
        await boris.SendTextAsync("/my");

        Assert.DoesNotContain(boris.LastMessage.Buttons, b => b.Text.StartsWith("🔔", StringComparison.Ordinal));
        Assert.Equal(WaitStatus.Expired, Assert.Single(await WaitsAsync()).Status);
    }

    [Fact]
    public async Task The_owner_sees_how_many_clients_wait_for_a_day_in_its_schedule_in_the_bot_and_the_web_panel()
    {
        await JoinAsync(_s.User(1002, "Борис"));
        await JoinAsync(_s.User(1003, "Вера"));
        var owner = _s.Admin;

        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🗓 Расписание");
        Assert.DoesNotContain("листе ожидания", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressDataAsync(owner.LastMessage.MessageId, new ShowSchedule(new DateOnly(2026, 12, 3)).Format());

        Assert.Contains("🔔 В листе ожидания: 2", owner.LastMessage.Text, StringComparison.Ordinal);

        using var panel = new PanelClient(_s);
        await panel.SignInAsync(await PanelClient.LinkAsync(owner));
        var week = await panel.GetStringAsync("/panel/schedule");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(week, "В листе ожидания: 2"));
    }
}
