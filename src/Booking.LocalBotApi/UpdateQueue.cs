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
            (arrived, _arrived) = (_arrived, NewSignal());
        }

        arrived.TrySetResult();
        return update.Id;
    }

    /// <summary>An id for an update that is delivered by webhook instead of waiting here for getUpdates.</summary>
    public int NextId()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return ++_lastId;
        }
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

    /// <summary>Unconfirmed updates in id order, plus a task that completes when another arrives.</summary>
    public IReadOnlyList<Update> Peek(int limit, out Task arrived)
    {
        lock (_gate)
        {
            arrived = _arrived.Task;
            return _pending.Take(limit).ToList();
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
