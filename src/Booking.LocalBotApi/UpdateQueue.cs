using Telegram.Bot.Types;

namespace Booking.LocalBotApi;

/// <summary>
/// Updates waiting for the bot, with Telegram's confirmation rule: calling getUpdates with
/// offset N confirms (and forgets) every update whose id is below N.
/// </summary>
internal sealed class UpdateQueue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Update> _pending = [];
    private readonly Dictionary<long, Update> _delivered = [];
    private readonly List<Update> _replays = [];
    private readonly List<(long Id, TaskCompletionSource Done)> _processedWaiters = [];
    private readonly TaskCompletionSource _firstPoll = NewSignal();
    private TaskCompletionSource _arrived = NewSignal();
    private int _lastId;
    private long _confirmedBelow = 1;
    private int _polls;
    private bool _disposed;

    public Task FirstPoll => _firstPoll.Task;

    /// <summary>Numbers the next updates from <paramref name="lastId"/> + 1 on.</summary>
    public void ContinueAfter(int lastId)
    {
        lock (_gate)
        {
            _lastId = Math.Max(_lastId, lastId);
        }
    }

    public long Enqueue(Update update)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            update.Id = ++_lastId;
            _pending.Add(update);
            _delivered[update.Id] = update;
            (arrived, _arrived) = (_arrived, NewSignal());
        }

        arrived.TrySetResult();
        return update.Id;
    }

    /// <summary>Records one getUpdates call and confirms what its offset acknowledges.</summary>
    public void Confirm(long? offset)
    {
        List<TaskCompletionSource> done = [];
        lock (_gate)
        {
            _polls++;
            if (offset > _confirmedBelow)
            {
                var below = offset.Value;
                _confirmedBelow = below;
                _pending.RemoveAll(u => u.Id < below);
                done.AddRange(_processedWaiters.Where(w => w.Id < below).Select(w => w.Done));
                _processedWaiters.RemoveAll(w => w.Id < below);
            }
        }

        _firstPoll.TrySetResult();
        done.ForEach(d => d.TrySetResult());
    }

    /// <summary>Queues several updates at once, so a waiting long poll returns them in one batch.</summary>
    public IReadOnlyList<long> EnqueueAll(IReadOnlyList<Update> updates)
    {
        TaskCompletionSource arrived;
        var ids = new List<long>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var update in updates)
            {
                update.Id = ++_lastId;
                _pending.Add(update);
                _delivered[update.Id] = update;
                ids.Add(update.Id);
            }

            (arrived, _arrived) = (_arrived, NewSignal());
        }

        arrived.TrySetResult();
        return ids;
    }

    /// <summary>Gives an update its id without queueing it (it is delivered another way, e.g. by webhook).</summary>
    public long AssignId(Update update)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            update.Id = ++_lastId;
            _delivered[update.Id] = update;
            return update.Id;
        }
    }

    public Update Delivered(long updateId)
    {
        lock (_gate)
        {
            return _delivered.GetValueOrDefault(updateId)
                ?? throw new ArgumentException($"Update {updateId} was never enqueued.", nameof(updateId));
        }
    }

    public void Redeliver(long updateId, int times)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var update = _delivered.GetValueOrDefault(updateId)
                ?? throw new ArgumentException($"Update {updateId} was never enqueued.", nameof(updateId));
            _replays.AddRange(Enumerable.Repeat(update, times));
            (arrived, _arrived) = (_arrived, NewSignal());
        }

        arrived.TrySetResult();
    }

    /// <summary>
    /// Re-deliveries first (each served once), then unconfirmed updates in id order, plus a task that completes
    /// when another arrives.
    /// </summary>
    public IReadOnlyList<Update> Peek(int limit, out Task arrived)
    {
        lock (_gate)
        {
            arrived = _arrived.Task;
            var replays = _replays.Take(limit).ToList();
            _replays.RemoveRange(0, replays.Count);
            return replays.Concat(_pending.Take(limit - replays.Count)).ToList();
        }
    }

    public async Task WaitProcessedAsync(long updateId, TimeSpan timeout, CancellationToken ct)
    {
        var waiter = (Id: updateId, Done: NewSignal());
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (updateId < _confirmedBelow)
            {
                return;
            }

            _processedWaiters.Add(waiter);
        }

        try
        {
            // Real time on purpose: an injected (test) clock must not stall or speed up this guard.
            await waiter.Done.Task.WaitAsync(timeout, TimeProvider.System, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(DescribeTimeout(updateId, timeout));
        }
        finally
        {
            lock (_gate)
            {
                _processedWaiters.Remove(waiter);
            }
        }
    }

    public void Dispose()
    {
        List<TaskCompletionSource> waiters;
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _disposed = true;
            waiters = _processedWaiters.Select(w => w.Done).ToList();
            _processedWaiters.Clear();
            arrived = _arrived;
        }

        var error = new ObjectDisposedException("LocalBotApiServer", "The Bot API server was stopped before the update was processed.");
        waiters.ForEach(w => w.TrySetException(error));
        arrived.TrySetResult();
    }

    private string DescribeTimeout(long updateId, TimeSpan timeout)
    {
        lock (_gate)
        {
            var pending = string.Join(", ", _pending.Select(u => $"{u.Id} ({u.Type})"));
            return $"Update {updateId} was not processed within {timeout.TotalSeconds:0.###} s: the bot has not called "
                + $"getUpdates with offset > {updateId}. getUpdates calls so far: {_polls}; highest offset: {_confirmedBelow}; "
                + $"unconfirmed updates: [{pending}]. Is the bot polling this server, and did its handler finish?";
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
