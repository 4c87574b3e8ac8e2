namespace Booking.Bot.Receiving;

/// <summary>
/// Runs work for one chat strictly in submission order while different chats run in parallel (P5).
/// Each chat's lane is the tail of a task chain; it is dropped once the chat goes idle.
/// </summary>
public sealed class ChatLanes
{
    private readonly Dictionary<long, Task> _tails = [];
    private readonly Lock _gate = new();

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

    private static async Task RunAfterAsync(Task previous, Func<Task> work)
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
        await work();
    }
}
