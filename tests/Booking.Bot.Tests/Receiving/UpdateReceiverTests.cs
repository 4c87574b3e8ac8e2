using System.Collections.Concurrent;
using Booking.Bot.Receiving;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Booking.Bot.Tests.Receiving;

/// <summary>
/// The polling loop against a feed that keeps Telegram's rules (an offset forgets what lies below it; everything
/// unconfirmed is delivered again; at most 100 per answer), with handlers the test holds and releases.
/// </summary>
public sealed class UpdateReceiverTests : IAsyncDisposable
{
    private static readonly TimeSpan Eventually = TimeSpan.FromSeconds(20);
    private readonly TelegramFeed _feed = new();
    private readonly ChatLanes _lanes = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _holds = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _started = new();
    private readonly ConcurrentDictionary<int, int> _handled = new();
    private readonly ConcurrentQueue<(long Chat, int Id)> _order = new();
    private readonly ConcurrentDictionary<long, int> _busy = new();
    private readonly CancellationTokenSource _stop = new();
    private int _overlaps;
    private Task _running = Task.CompletedTask;

    private void Start()
    {
        var receiver = new UpdateReceiver(_feed.GetUpdatesAsync, (u, ct) => _lanes.RunAsync(UpdatePipeline.ChatOf(u) ?? 0, () => HandleAsync(u)), 1, NullLogger.Instance);
        _running = receiver.RunAsync(_stop.Token);
    }

    private async Task HandleAsync(Update update)
    {
        var chat = UpdatePipeline.ChatOf(update) ?? 0;
        if (_busy.AddOrUpdate(chat, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        _order.Enqueue((chat, update.Id));
        Started(update.Id).TrySetResult();
        await Task.Yield();
        if (_holds.TryGetValue(update.Id, out var hold))
        {
            await hold.Task;
        }

        _handled.AddOrUpdate(update.Id, 1, (_, n) => n + 1);
        _feed.MarkFinished(update.Id);
        _busy.AddOrUpdate(chat, 0, (_, n) => n - 1);
    }

    private TaskCompletionSource Started(int id) => _started.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource Hold(int id) => _holds.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task HandledAsync(int id)
    {
        while (!_handled.ContainsKey(id))
        {
            await Task.Delay(10).WaitAsync(Eventually);
        }
    }

    [Fact]
    public async Task A_slow_update_does_not_hold_back_other_chats_updates_that_arrive_after_it()
    {
        Hold(1);
        Start();
        _feed.Add(chat: 100);
        await Started(1).Task.WaitAsync(Eventually);

        _feed.Add(chat: 200);
        _feed.Add(chat: 300);
        await HandledAsync(2).WaitAsync(Eventually);
        await HandledAsync(3).WaitAsync(Eventually);

        Assert.False(_handled.ContainsKey(1));
        Hold(1).SetResult();
        await HandledAsync(1).WaitAsync(Eventually);
    }

    [Fact]
    public async Task The_offset_never_confirms_an_update_that_is_still_being_handled()
    {
        Hold(2);
        Start();
        for (var i = 0; i < 5; i++)
        {
            _feed.Add(chat: 100 + i);
        }

        await Started(2).Task.WaitAsync(Eventually);
        foreach (var id in new[] { 1, 3, 4, 5 })
        {
            await HandledAsync(id).WaitAsync(Eventually);
        }

        await _feed.PolledAsync(times: 3).WaitAsync(Eventually);
        Assert.True(_feed.HighestOffset <= 2, $"offset {_feed.HighestOffset} was sent while update 2 was unfinished");

        Hold(2).SetResult();
        await _feed.ConfirmedAsync(below: 6).WaitAsync(Eventually);
        Assert.Empty(_feed.Violations);
    }

    [Fact]
    public async Task An_update_delivered_again_while_it_runs_is_handled_once()
    {
        Hold(1);
        Start();
        _feed.Add(chat: 100);
        await Started(1).Task.WaitAsync(Eventually);
        await _feed.DeliveredAsync(id: 1, times: 3).WaitAsync(Eventually);

        Hold(1).SetResult();
        _feed.Add(chat: 100);
        await HandledAsync(2).WaitAsync(Eventually);
        await _feed.ConfirmedAsync(below: 3).WaitAsync(Eventually);

        Assert.Equal(1, _handled[1]);
        Assert.Equal(1, _handled[2]);
    }

    [Fact]
    public async Task Each_chats_updates_run_one_at_a_time_in_the_order_they_were_sent()
    {
        Start();
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            _feed.Add(chat: random.Next(5));
            if (i % 20 == 0)
            {
                await Task.Delay(5);
            }
        }

        await _feed.ConfirmedAsync(below: 301).WaitAsync(Eventually);

        Assert.Equal(300, _handled.Count);
        Assert.All(_handled.Values, n => Assert.Equal(1, n));
        Assert.Equal(0, _overlaps);
        foreach (var chat in _order.GroupBy(o => o.Chat))
        {
            var ids = chat.Select(o => o.Id).ToList();
            Assert.Equal(ids.Order(), ids);
        }

        Assert.Empty(_feed.Violations);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hold in _holds.Values)
        {
            hold.TrySetResult();
        }

        await _stop.CancelAsync();
        await _running.WaitAsync(Eventually);
        _stop.Dispose();
    }

    /// <summary>Telegram's side of getUpdates, checking at every call that the offset confirms only finished updates.</summary>
    private sealed class TelegramFeed
    {
        private readonly Lock _gate = new();
        private readonly List<Update> _pending = [];
        private readonly HashSet<int> _finished = [];
        private readonly Dictionary<int, int> _deliveries = [];
        private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _lastId;
        private int _polls;

        public int HighestOffset { get; private set; }

        public ConcurrentQueue<string> Violations { get; } = new();

        public void Add(long chat)
        {
            TaskCompletionSource arrived;
            lock (_gate)
            {
                var from = new User { Id = chat, FirstName = "U" };
                _pending.Add(new Update { Id = ++_lastId, Message = new Message { From = from, Chat = new Chat { Id = chat, Type = ChatType.Private }, Text = "hi" } });
                (arrived, _arrived) = (_arrived, new(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            arrived.TrySetResult();
        }

        public void MarkFinished(int id)
        {
            lock (_gate)
            {
                _finished.Add(id);
            }
        }

        public async Task<Update[]> GetUpdatesAsync(int? offset, int timeout, CancellationToken ct)
        {
            Task arrived;
            lock (_gate)
            {
                _polls++;
                if (offset is { } below)
                {
                    for (var id = 1; id < below; id++)
                    {
                        if (_pending.Any(u => u.Id == id) && !_finished.Contains(id))
                        {
                            Violations.Enqueue($"offset {below} confirmed update {id} before it finished");
                        }
                    }

                    HighestOffset = Math.Max(HighestOffset, below);
                    _pending.RemoveAll(u => u.Id < below);
                }

                if (_pending.Count > 0 || timeout == 0)
                {
                    return Deliver();
                }

                arrived = _arrived.Task;
            }

            await Task.WhenAny(arrived, Task.Delay(TimeSpan.FromSeconds(timeout), ct));
            ct.ThrowIfCancellationRequested();
            lock (_gate)
            {
                return Deliver();
            }
        }

        public async Task PolledAsync(int times)
        {
            int start;
            lock (_gate)
            {
                start = _polls;
            }

            while (true)
            {
                lock (_gate)
                {
                    if (_polls >= start + times)
                    {
                        return;
                    }
                }

                await Task.Delay(10);
            }
        }

        public async Task ConfirmedAsync(int below)
        {
            while (HighestOffset < below)
            {
                await Task.Delay(10);
            }
        }

        public async Task DeliveredAsync(int id, int times)
        {
            while (true)
            {
                lock (_gate)
                {
                    if (_deliveries.GetValueOrDefault(id) >= times)
                    {
                        return;
                    }
                }

                await Task.Delay(10);
            }
        }

        private Update[] Deliver()
        {
            var batch = _pending.Take(100).ToArray();
            foreach (var u in batch)
            {
                _deliveries[u.Id] = _deliveries.GetValueOrDefault(u.Id) + 1;
            }

            return batch;
        }
    }
}
