namespace Booking.Bot.Receiving;

/// <summary>
/// The updates received by long polling and not yet finished (ADR 0003). Telegram re-delivers everything at or
/// above the offset, so the window admits an update once (ids only grow) and tells the poller which offset it may
/// confirm: the lowest update still unfinished, or one past the highest seen when nothing is in flight. Whatever
/// runs slowly, nothing at or above it is ever confirmed before it is done.
/// </summary>
public sealed class UpdateWindow
{
    private readonly SortedSet<int> _unfinished = [];
    private readonly Lock _gate = new();
    private int? _highest;
    private TaskCompletionSource _progress = NewSignal();
    private TaskCompletionSource? _idle;
    private long _finished;
    private (long Target, TaskCompletionSource Done)? _waiter;

    /// <summary>The state a poll is made from, and a task that completes as soon as any of it finishes.</summary>
    public readonly record struct Snapshot(int? Offset, int InFlight, Task Progress, long Finished);

    public Snapshot Current
    {
        get
        {
            lock (_gate)
            {
                return new Snapshot(OffsetLocked(), _unfinished.Count, _progress.Task, _finished);
            }
        }
    }

    /// <summary>The updates of a getUpdates answer not seen before, in id order; they count as in flight from now.</summary>
    public IReadOnlyList<Telegram.Bot.Types.Update> Admit(IEnumerable<Telegram.Bot.Types.Update> batch)
    {
        var fresh = new List<Telegram.Bot.Types.Update>();
        lock (_gate)
        {
            foreach (var update in batch.OrderBy(u => u.Id))
            {
                if (_highest is { } highest && update.Id <= highest)
                {
                    continue;
                }

                _highest = update.Id;
                _unfinished.Add(update.Id);
                fresh.Add(update);
            }
        }

        return fresh;
    }

    /// <summary>The update is handled (or given up on): the offset may move past it once everything below is done too.</summary>
    public void Finish(int updateId)
    {
        TaskCompletionSource progress;
        TaskCompletionSource? idle = null;
        TaskCompletionSource? reached = null;
        lock (_gate)
        {
            if (!_unfinished.Remove(updateId))
            {
                return;
            }

            _finished++;
            if (_waiter is { } waiter && _finished >= waiter.Target)
            {
                (reached, _waiter) = (waiter.Done, null);
            }

            (progress, _progress) = (_progress, NewSignal());
            if (_unfinished.Count == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }

        progress.TrySetResult();
        idle?.TrySetResult();
        reached?.TrySetResult();
    }

    /// <summary>Completes once <paramref name="count"/> updates have finished after the snapshot that counted <paramref name="since"/>.</summary>
    public Task WhenFinishedAsync(long since, int count)
    {
        lock (_gate)
        {
            if (_finished >= since + count)
            {
                return Task.CompletedTask;
            }

            _waiter?.Done.TrySetResult();
            _waiter = (since + count, NewSignal());
            return _waiter.Value.Done.Task;
        }
    }

    /// <summary>Completes when nothing admitted is still in flight (for a clean stop).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_unfinished.Count == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= NewSignal();
            return _idle.Task;
        }
    }

    private int? OffsetLocked() => _unfinished.Count > 0 ? _unfinished.Min : _highest + 1;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
