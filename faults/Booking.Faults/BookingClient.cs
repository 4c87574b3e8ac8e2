using System.Text.RegularExpressions;
using Booking.TestKit.Telegram;

namespace Booking.Faults;

/// <summary>
/// A client who books, cancels and reschedules at random through the real screens, remembering every booking the bot
/// told them was confirmed (day of month and local time, as pressed). A screen that never comes counts as broken and
/// the client starts over.
/// </summary>
public sealed partial class BookingClient(FakeUser user, string service, Random rng)
{
    public FakeUser User => user;

    public List<(int Day, string Time)> Told { get; } = [];

    public int Actions { get; private set; }

    public int Broken { get; private set; }

    public string? LastProblem { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var choice = rng.Next(10);
                await (choice < 6 ? BookAsync() : choice < 8 ? CancelAsync() : RescheduleAsync());
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or ArgumentOutOfRangeException)
            {
                Broken++;
                LastProblem = e.Message.Length > 200 ? e.Message[..200] : e.Message;
            }
        }
    }

    /// <summary>One attempt to book (after a fault: does the bot serve again?).</summary>
    public async Task RunOnceBookingAsync()
    {
        try
        {
            await BookAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or ArgumentOutOfRangeException)
        {
            Broken++;
            LastProblem = e.Message;
        }
    }

    private async Task BookAsync()
    {
        await user.SendTextAsync("/book");
        if (user.LastMessage.Buttons.Any(b => b.Text.Contains(service, StringComparison.Ordinal)))
        {
            await user.PressAsync(service);
        }

        var day = await PickDayAsync();
        var time = await PickTimeAsync();
        Actions++;
        await user.PressAsync("✅ Подтвердить");
        if (user.LastMessage.Text.Contains("Вы записаны", StringComparison.Ordinal))
        {
            Told.Add((day, time));
        }
    }

    private async Task CancelAsync()
    {
        await user.SendTextAsync("/my");
        if (Pick("❌ Отменить #") is not { } cancel)
        {
            return;
        }

        await user.PressAsync(cancel);
        Actions++;
        await user.PressAsync("✅ Да, отменить");
    }

    private async Task RescheduleAsync()
    {
        await user.SendTextAsync("/my");
        if (Pick("🔄 Перенести #") is not { } move)
        {
            return;
        }

        await user.PressAsync(move);
        await PickDayAsync();
        await PickTimeAsync();
        Actions++;
        await user.PressAsync("✅ Перенести");
    }

    private async Task<int> PickDayAsync()
    {
        var days = user.LastMessage.Buttons.Select(b => DayButton().Match(b.Text)).Where(m => m.Success).ToList();
        var day = days[rng.Next(days.Count)];
        await user.PressAsync(day.Value);
        return int.Parse(day.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<string> PickTimeAsync()
    {
        var times = user.LastMessage.Buttons.Select(b => b.Text).Where(t => TimeButton().IsMatch(t)).ToList();
        var time = times[rng.Next(times.Count)];
        await user.PressAsync(time);
        return time;
    }

    private string? Pick(string prefix)
    {
        var buttons = user.LastMessage.Buttons.Select(b => b.Text).Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return buttons.Count == 0 ? null : buttons[rng.Next(buttons.Count)];
    }

    [GeneratedRegex(@"^(\d{1,2}) (🟢|🟡)$")]
    private static partial Regex DayButton();

    [GeneratedRegex(@"^\d{2}:\d{2}$")]
    private static partial Regex TimeButton();
}
