namespace Booking.Bot.Receiving;

/// <summary>
/// Runs work for one chat strictly in submission order while different chats run in parallel (P5).
/// Each chat's lane is the tail of a task chain; it is dropped once the chat goes idle.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability", "CA1001", Justification = "Nobody asks the semaphore for a wait handle, so it holds nothing to free; a lane may still release it while the host stops.")]
public sealed class ChatLanes(int maxRunning = ChatLanes.DefaultMaxRunning)
{
    /// <summary>
    /// How many chats' updates run at once. Each running update holds a database connection (ADR 0025); a burst of
    /// 200 chats made 200 connections and their caches for no gain on two cores. The rest wait their turn here, in
    /// order, before taking anything.
    /// </summary>
    public const int DefaultMaxRunning = 64;

    private readonly Dictionary<long, Task> _tails = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _running = new(maxRunning, maxRunning);

    public Task RunAsync(long chatId, Func<Task> work)
    {
        Task next;
        lock (_gate)
        {
            var previous = _tails.GetValueOrDefault(chatId) ?? Task.CompletedTask;
            next = RunAfterAsync(previous, work);
            _tails[chatId] = next;
        }

        _ = next.ContinueWith(
            done =>
            {
                lock (_gate)
                {
                    if (_tails.TryGetValue(chatId, out var tail) && tail == done)
                    {
                        _tails.Remove(chatId);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return next;
    }

    public int ActiveChats
    {
        get
        {
            lock (_gate)
            {
                return _tails.Count;
            }
        }
    }

    private async Task RunAfterAsync(Task previous, Func<Task> work)
    {
        try
        {
            await previous;
        }
        catch
        {
            // The previous update's failure was already logged by its own pipeline; it must not stall this chat.
        }

        await Task.Yield();
        await _running.WaitAsync();
        try
        {
            await work();
        }
        finally
        {
            _running.Release();
        }
    }
}
