using Booking.Bot.Receiving;

namespace Booking.Bot.Tests.Receiving;

/// <summary>P5: a chat's lane lives only while the chat has work queued, so memory follows the chats active now.</summary>
public sealed class ChatLanesTests
{
    [Fact]
    public async Task No_more_chats_run_at_once_than_allowed_and_the_others_run_as_soon_as_one_finishes()
    {
        var lanes = new ChatLanes(maxRunning: 4);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int running = 0, most = 0, finished = 0;
        var all = Enumerable.Range(1, 20).Select(chat => lanes.RunAsync(chat, async () =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await release.Task;
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref finished);
        })).ToList();

        await EventuallyAsync(() => Volatile.Read(ref running) == 4);
        await Task.Delay(100);
        Assert.Equal(4, Volatile.Read(ref most));
        Assert.Equal(0, Volatile.Read(ref finished));

        release.SetResult();
        await Task.WhenAll(all).WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
        Assert.Equal(20, finished);
        Assert.Equal(4, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    [Fact]
    public async Task A_lane_is_dropped_once_its_chat_has_nothing_left_to_run()
    {
        var lanes = new ChatLanes();
        var busy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = Enumerable.Range(1, 5000)
            .Where(chat => chat != 42)
            .Select(chat => lanes.RunAsync(chat, () => Task.CompletedTask))
            .ToList();
        var slow = lanes.RunAsync(42, () => busy.Task);

        await Task.WhenAll(done).WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
        await EventuallyAsync(() => lanes.ActiveChats == 1);
        Assert.False(slow.IsCompleted);

        busy.SetResult();
        await slow.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
        await EventuallyAsync(() => lanes.ActiveChats == 0);
        Assert.Equal(0, lanes.ActiveChats);
    }

    [Fact]
    public async Task A_chat_that_writes_again_after_its_lane_was_dropped_still_runs_in_order()
    {
        var lanes = new ChatLanes();
        var order = new List<int>();
        await lanes.RunAsync(7, () => Task.CompletedTask);
        await EventuallyAsync(() => lanes.ActiveChats == 0);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = lanes.RunAsync(7, async () =>
        {
            await gate.Task;
            lock (order)
            {
                order.Add(1);
            }
        });
        var second = lanes.RunAsync(7, () =>
        {
            lock (order)
            {
                order.Add(2);
            }

            return Task.CompletedTask;
        });
        gate.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);

        Assert.Equal([1, 2], order);
        await EventuallyAsync(() => lanes.ActiveChats == 0);
        Assert.Equal(0, lanes.ActiveChats);
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition() && TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }
}
