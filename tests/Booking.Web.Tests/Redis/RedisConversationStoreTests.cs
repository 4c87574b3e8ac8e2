using Booking.Core.Conversation;
using Booking.Redis;
using Booking.TestKit.Hosting;
using Booking.TestKit.Redis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Booking.Web.Tests.Redis;

/// <summary>P4 with REDIS_URL: drafts are read through Redis while the database keeps every one of them.</summary>
public sealed class RedisConversationStoreTests : IAsyncLifetime
{
    private const long Chat = 1001;

    private readonly string _prefix = TestRedis.NewPrefix();
    private BotScenario? _s;
    private RedisServer? _own;
    private ConnectionMultiplexer? _redis;

    private sealed record Draft(string Step, int Number);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_s is not null)
        {
            await _s.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
    }

    private async Task StartAsync(string? url = null)
    {
        _s = await BotScenario.StartAsync(settings: TestRedis.HostSettings(url, _prefix));
        _redis = await ConnectionMultiplexer.ConnectAsync((url ?? "redis://" + TestRedis.Server).Replace("redis://", string.Empty, StringComparison.Ordinal));
    }

    private IDatabase Redis => _redis!.GetDatabase();

    private RedisKey Key => _prefix + "conversation:" + Chat;

    private async Task<T> StoreAsync<T>(Func<IConversationStore, Task<T>> use)
    {
        await using var scope = _s!.Host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationStore>();
        Assert.IsType<RedisConversationStore>(store);
        return await use(store);
    }

    private async Task SetAsync(Draft draft) => await StoreAsync(async s => { await s.SetAsync(Chat, "test", draft, CancellationToken.None); return true; });

    private Task<Draft?> GetAsync(string flow = "test") => StoreAsync(s => s.GetAsync<Draft>(Chat, flow, CancellationToken.None));

    private Task<string?> DatabaseCopyAsync() =>
        _s!.Host.DbAsync(db => db.Conversations.Where(c => c.ChatId == Chat).Select(c => c.Data).SingleOrDefaultAsync());

    /// <summary>Changes the draft in the database behind Redis's back, as a process without Redis would.</summary>
    private Task ChangeInDatabaseOnlyAsync(Draft draft) => _s!.Host.DbAsync(async db =>
    {
        var json = System.Text.Json.JsonSerializer.Serialize(draft);
        await db.Conversations.Where(c => c.ChatId == Chat).ExecuteUpdateAsync(u => u.SetProperty(c => c.Data, json));
    });

    [RedisFact]
    public async Task A_draft_is_written_to_the_database_and_to_Redis_with_a_day_to_live_and_read_from_Redis()
    {
        await StartAsync();

        await SetAsync(new Draft("day", 2));

        Assert.Contains("\"day\"", await DatabaseCopyAsync(), StringComparison.Ordinal);
        var ttl = await Redis.KeyTimeToLiveAsync(Key);
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24));
        Assert.Contains("day", (string?)await Redis.StringGetAsync(Key), StringComparison.Ordinal);

        // The read path is Redis: a change made only in the database is not seen while the copy is current.
        await ChangeInDatabaseOnlyAsync(new Draft("elsewhere", 9));
        Assert.Equal(new Draft("day", 2), await GetAsync());
        Assert.Null(await GetAsync("another-flow"));
    }

    [RedisFact]
    public async Task A_draft_expires_after_a_day_on_the_bots_clock()
    {
        await StartAsync();
        await SetAsync(new Draft("slot", 3));

        // AdjustTime: a day passes without the host's periodic sweeps firing thousands of times in between.
        _s!.Clock.AdjustTime(_s.Clock.GetUtcNow() + DbConversationStore.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(new Draft("slot", 3), await GetAsync());

        _s.Clock.AdjustTime(_s.Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
        Assert.Null(await GetAsync());
    }

    [RedisFact]
    public async Task A_missing_copy_is_read_from_the_database_and_put_back_and_clearing_removes_both()
    {
        await StartAsync();
        await SetAsync(new Draft("service", 1));
        await Redis.KeyDeleteAsync(Key);

        Assert.Equal(new Draft("service", 1), await GetAsync());
        Assert.True(await Redis.KeyExistsAsync(Key));

        await StoreAsync(async s => { await s.ClearAsync(Chat, CancellationToken.None); return true; });
        Assert.False(await Redis.KeyExistsAsync(Key));
        Assert.Null(await DatabaseCopyAsync());
        Assert.Null(await GetAsync());
    }

    [RedisFact]
    public async Task A_copy_from_before_another_process_took_Redis_into_use_is_never_read()
    {
        await StartAsync();
        await SetAsync(new Draft("old", 1));
        await ChangeInDatabaseOnlyAsync(new Draft("new", 2));

        await Redis.StringIncrementAsync(_prefix + "conversation:generation"); // what a starting or recovering process does

        Assert.Equal(new Draft("new", 2), await GetAsync());
        Assert.Contains("new", (string?)await Redis.StringGetAsync(Key), StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task A_draft_changed_while_Redis_was_down_is_not_overwritten_by_the_older_copy_Redis_brings_back()
    {
        _own = await RedisServer.StartAsync(keepData: true);
        await StartAsync(_own.Url);
        await SetAsync(new Draft("before", 1));

        await _own.StopAsync();
        await SetAsync(new Draft("during", 2));
        Assert.Equal(new Draft("during", 2), await GetAsync());
        Assert.False(_s!.Host.Services.RedisLink().InUse);

        await _own.StartAsync();
        Assert.Contains("before", (string?)await Redis.StringGetAsync(Key), StringComparison.Ordinal); // the stale copy is back
        await _s.Host.Services.RedisLink().WaitUntilInUseAsync();

        Assert.Equal(new Draft("during", 2), await GetAsync());
        Assert.Contains("during", (string?)await Redis.StringGetAsync(Key), StringComparison.Ordinal);
    }
}
