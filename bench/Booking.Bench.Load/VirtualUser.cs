using System.Diagnostics;

namespace Booking.Bench.Load;

/// <summary>
/// A person booking through the bot, one step at a time: /start → 📅 Записаться → service → day → time →
/// ✅ Подтвердить → 📋 Мои записи, again and again until the run ends. Choices are random among the buttons the
/// bot drew, so users collide on popular slots the way real ones do. In floor mode the same shape of updates
/// is sent with made-up button data, for a bot that only echoes.
/// </summary>
public sealed class VirtualUser(LoopbackBotApi api, long id, int seed, LoadStats stats, bool floor, TimeSpan think)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    private readonly BenchChat _chat = api.Chat(id);
    private readonly Random _random = new(seed);
    private readonly List<long> _latencies = new(256);
    private readonly List<long> _firstReplies = new(256);
    private readonly List<long> _userSeen = new(256);
    private int _queries;

    public IReadOnlyList<long> Latencies => _latencies;

    public IReadOnlyList<long> FirstReplies => _firstReplies;

    /// <summary>From sending to the last reply, including any wait before the bot fetched the update.</summary>
    public IReadOnlyList<long> UserSeen => _userSeen;

    public async Task RunAsync(TimeSpan startDelay, CancellationToken stop, int flows = int.MaxValue)
    {
        await Task.Delay(startDelay, CancellationToken.None);
        var returning = false;
        for (var flow = 0; flow < flows && !stop.IsCancellationRequested; flow++)
        {
            if (floor)
            {
                await FloorFlowAsync(stop);
            }
            else
            {
                await FullFlowAsync(returning, stop);
            }

            returning = true;
        }
    }

    private async Task FullFlowAsync(bool returning, CancellationToken stop)
    {
        await TypeAsync("/start", returning ? StepKind.Reply : StepKind.Screen);
        await TypeAsync("📅 Записаться", StepKind.Screen);
        if (Pick(_chat.Screen.Where("svc:")) is not { } service)
        {
            LoadStats.Count(ref stats.LimitRefused);
        }
        else
        {
            await PressAsync(service.Data);
            await BookAsync(stop);
        }

        await TypeAsync("📋 Мои записи", StepKind.Screen);
        LoadStats.Count(ref stats.Flows);
    }

    /// <summary>Walks the calendar from whatever screen the bot shows until booked, refused for good, or out of tries.</summary>
    private async Task BookAsync(CancellationToken stop)
    {
        var monthsAhead = 0;
        for (var attempt = 0; attempt < 24 && !stop.IsCancellationRequested; attempt++)
        {
            var screen = _chat.Screen;
            if (Pick(screen.Where("ok:")) is { } confirm)
            {
                var step = await PressAsync(confirm.Data);
                if (_chat.Screen.Buttons.Length == 0)
                {
                    LoadStats.Count(ref stats.Booked);
                    return;
                }

                if (step.Alert)
                {
                    LoadStats.Count(ref stats.LimitRefused);
                    return;
                }

                LoadStats.Count(ref stats.ConflictsRefused);
            }
            else if (Pick(screen.Where("slot:")) is { } slot)
            {
                await PressAsync(slot.Data);
                if (_chat.Screen.Where("ok:").Length == 0)
                {
                    LoadStats.Count(ref stats.SlotTakenOnPick);
                }
            }
            else if (Pick(screen.Where("day:")) is { } day)
            {
                await PressAsync(day.Data);
            }
            else if (screen.Where("cal:").FirstOrDefault(b => b.Text.StartsWith('▶')) is { Data: not null } next && monthsAhead++ < 12)
            {
                await PressAsync(next.Data);
            }
            else
            {
                LoadStats.Count(ref stats.NoFreeDay);
                return;
            }
        }
    }

    /// <summary>The same number and kinds of updates as a plain booking, for the echo-only floor.</summary>
    private async Task FloorFlowAsync(CancellationToken stop)
    {
        await TypeAsync("/start", StepKind.Screen);
        await TypeAsync("📅 Записаться", StepKind.Screen);
        foreach (var data in (string[])["svc:2", "day:s2:20300102", "slot:s2:203001020900", "ok:s2:203001020900"])
        {
            if (stop.IsCancellationRequested)
            {
                break;
            }

            await PressAsync(data);
        }

        await TypeAsync("📋 Мои записи", StepKind.Screen);
        LoadStats.Count(ref stats.Flows);
    }

    private Button? Pick(Button[] buttons) => buttons.Length == 0 ? null : buttons[_random.Next(buttons.Length)];

    private async Task<Step> TypeAsync(string text, StepKind kind)
    {
        await ThinkAsync();
        var step = _chat.Begin(kind, null);
        var messageId = api.NextMessageId();
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        api.Enqueue(step, updateId => UpdateJson.Text(updateId, _chat.Id, messageId, text, now));
        return await CompleteAsync(step);
    }

    private async Task<Step> PressAsync(string data)
    {
        await ThinkAsync();
        var queryId = $"q:{_chat.Id}:{++_queries}";
        var step = _chat.Begin(StepKind.Press, queryId);
        var messageId = _chat.Screen.MessageId;
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        api.Enqueue(step, updateId => UpdateJson.Press(updateId, _chat.Id, queryId, messageId, data, now));
        return await CompleteAsync(step);
    }

    private Task ThinkAsync() =>
        think <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(think * (0.5 + _random.NextDouble()));

    private async Task<Step> CompleteAsync(Step step)
    {
        try
        {
            await step.Done.Task.WaitAsync(StepTimeout);
        }
        catch (TimeoutException)
        {
            LoadStats.Count(ref stats.TimedOut);
            throw new TimeoutException($"User {_chat.Id}: the bot did not finish a {step.Kind} step within {StepTimeout.TotalSeconds} s.");
        }

        LoadStats.Count(ref stats.Updates);
        if (step.DoneAt <= stats.WindowEnd)
        {
            LoadStats.Count(ref stats.UpdatesInWindow);
        }

        _latencies.Add(step.DoneAt - step.HandedAt);
        _firstReplies.Add(step.FirstReplyAt - step.HandedAt);
        _userSeen.Add(step.DoneAt - step.SentAt);
        return step;
    }
}

/// <summary>Counters shared by all virtual users of one phase.</summary>
public sealed class LoadStats
{
#pragma warning disable CA1051 // Fields, so users can count with Interlocked.
    public long Updates;
    public long UpdatesInWindow;
    public long WindowEnd = long.MaxValue;
    public long Flows;
    public long Booked;
    public long ConflictsRefused;
    public long SlotTakenOnPick;
    public long LimitRefused;
    public long NoFreeDay;
    public long TimedOut;
#pragma warning restore CA1051

    public static void Count(ref long counter) => Interlocked.Increment(ref counter);

    public static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
