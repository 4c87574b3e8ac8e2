using Booking.Core.Domain;
using Booking.TestKit.Hosting;

namespace Booking.Faults.Scenarios;

/// <summary>
/// 5: the same update delivered 10 times (polling: the fake re-serves it; webhook: 10 concurrent POSTs), and the same
/// button pressed twice 5 ms apart. One effect each time, every callback answered.
/// </summary>
public sealed class ReplayAndDoubleTap : IScenario
{
    public const int Deliveries = 10;

    public int Number => 5;
    public string Name => "replay";
    public string Title => "replayed updates and double taps";

    public async Task RunAsync(FaultOptions options, Report report, CancellationToken ct)
    {
        foreach (var webhook in new[] { false, true })
        {
            await using var s = await InProcess.StartAsync(webhook);
            await ReplayAsync(s, webhook, report);
            await DoubleTapAsync(s, webhook, report);
        }
    }

    private static async Task ReplayAsync(BotScenario s, bool webhook, Report report)
    {
        var mode = InProcess.Mode(webhook);
        var anna = s.User(1001, "Анна");
        await InProcess.OpenConfirmAsync(anna, "2 🟢", "10:00");
        var json = s.Api.Prepare(anna.PressUpdate("✅ Подтвердить"));
        if (webhook)
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, Deliveries).Select(_ => s.Api.PostToWebhookAsync(json)));
            report.Say($"{mode}: posted one confirm update {Deliveries} times at once: HTTP {string.Join(",", statuses.Select(c => (int)c).Distinct())}");
        }
        else
        {
            var id = s.Api.Enqueue(System.Text.Json.JsonSerializer.Deserialize<Telegram.Bot.Types.Update>(json, Telegram.Bot.JsonBotAPI.Options)!);
            s.Api.Redeliver(id, Deliveries - 1);
            await s.Api.WaitProcessedAsync(id);
            await s.User(1999, "Маркер").SendTextAsync("/help"); // handled after every re-delivery above
            report.Say($"{mode}: served one confirm update {Deliveries} times (the fake re-serves it after the bot confirmed it)");
        }

        var bookings = (await s.BookingsAsync()).Count(b => b.Status == BookingStatus.Confirmed && b.ClientId == anna.Id);
        var told = InProcess.Count(anna, "Вы записаны");
        var admin = InProcess.Count(s.Admin, "Новая запись");
        report.Check($"{mode} replay: one booking", bookings == 1, $"bookings={bookings}");
        report.Check($"{mode} replay: one confirmation, one admin notice", told == 1 && admin == 1, $"confirmations={told}, admin notices={admin}");
        report.Check($"{mode} replay: the callback answered", anna.UnansweredCallbacks == 0, $"unanswered={anna.UnansweredCallbacks}");
    }

    private static async Task DoubleTapAsync(BotScenario s, bool webhook, Report report)
    {
        var mode = InProcess.Mode(webhook);
        var boris = s.User(1002, "Борис");
        await InProcess.OpenConfirmAsync(boris, "3 🟢", "11:00");
        var adminBefore = InProcess.Count(s.Admin, "Новая запись");
        await boris.PressTwiceAsync("✅ Подтвердить", TimeSpan.FromMilliseconds(5));

        var bookings = (await s.BookingsAsync()).Count(b => b.Status == BookingStatus.Confirmed && b.ClientId == boris.Id);
        var answers = boris.CallbackAnswers.Count;
        report.Say($"{mode}: pressed confirm twice 5 ms apart");
        report.Check($"{mode} double tap: one booking", bookings == 1, $"bookings={bookings}");
        report.Check($"{mode} double tap: one admin notice", InProcess.Count(s.Admin, "Новая запись") - adminBefore == 1,
            $"admin notices={InProcess.Count(s.Admin, "Новая запись") - adminBefore}");
        report.Check($"{mode} double tap: both taps answered", boris.UnansweredCallbacks == 0,
            $"unanswered={boris.UnansweredCallbacks}, answers in chat={answers}");
    }
}
