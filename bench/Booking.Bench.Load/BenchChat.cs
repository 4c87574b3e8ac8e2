namespace Booking.Bench.Load;

/// <summary>An inline button as the user sees it.</summary>
public readonly record struct Button(string Text, string Data);

/// <summary>The bot message the user is looking at: the wizard screen after a send or an edit.</summary>
public sealed record Screen(int MessageId, Button[] Buttons)
{
    public static readonly Screen None = new(0, []);

    public Button[] Where(string prefix) => Buttons.Where(b => b.Data.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
}

public enum StepKind
{
    /// <summary>A typed message; done when the bot sends a message with inline buttons (the next screen).</summary>
    Screen = 0,

    /// <summary>A typed message answered by a plain message (a returning user's /start greeting).</summary>
    Reply = 1,

    /// <summary>A button press; done when the bot answers the callback query (always last, exactly once).</summary>
    Press = 2,
}

/// <summary>One update of a virtual user, with the timestamps its latency is measured from.</summary>
public sealed class Step(StepKind kind, string? queryId)
{
    public StepKind Kind { get; } = kind;
    public string? QueryId { get; } = queryId;
    /// <summary>When the user sent it (queued at the fake server, before any getUpdates picked it up).</summary>
    public long SentAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public long HandedAt { get; set; }
    public long FirstReplyAt { get; set; }
    public long DoneAt { get; set; }
    public bool Alert { get; set; }
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// What the fake server knows about one virtual user's chat: the screen on display and the step in flight.
/// A user has at most one step in flight, so every bot request to this chat belongs to it.
/// </summary>
public sealed class BenchChat(long id)
{
    private readonly Lock _gate = new();
    private Step? _step;

    public long Id { get; } = id;

    public Screen Screen { get; private set; } = Screen.None;

    public Step Begin(StepKind kind, string? queryId)
    {
        var step = new Step(kind, queryId);
        lock (_gate)
        {
            _step = step;
        }

        return step;
    }

    public void OnScreen(bool sent, Screen screen, bool inline, long at)
    {
        Step? done = null;
        lock (_gate)
        {
            Screen = screen;
            if (_step is { } step)
            {
                FirstReply(step, at);
                if (sent && (step.Kind == StepKind.Reply || (step.Kind == StepKind.Screen && inline)))
                {
                    done = Finish(step, at);
                }
            }
        }

        done?.Done.TrySetResult();
    }

    public void OnOtherRequest(long at)
    {
        lock (_gate)
        {
            if (_step is { } step)
            {
                FirstReply(step, at);
            }
        }
    }

    public void OnAnswer(string queryId, bool alert, long at)
    {
        Step? done = null;
        lock (_gate)
        {
            if (_step is { } step && step.QueryId == queryId)
            {
                FirstReply(step, at);
                step.Alert = alert;
                done = Finish(step, at);
            }
        }

        done?.Done.TrySetResult();
    }

    private static void FirstReply(Step step, long at)
    {
        if (step.FirstReplyAt == 0)
        {
            step.FirstReplyAt = at;
        }
    }

    private Step Finish(Step step, long at)
    {
        step.DoneAt = at;
        _step = null;
        return step;
    }
}
