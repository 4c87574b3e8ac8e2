using System.Text.Json;
using Booking.Core.Conversation;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Booking.Redis;

/// <summary>
/// P4 with REDIS_URL: the database stays the record of every draft and Redis is the read path in front of it
/// (ADR 0013). A write invalidates the Redis copy, commits to the database, then writes the new copy stamped with the
/// current generation; a read takes the copy only if its stamp is current, otherwise reads the database and puts the
/// copy back. Whenever Redis fails, the database alone serves, so a draft is never lost and never replaced by an
/// older one.
/// </summary>
public sealed class RedisConversationStore(DbConversationStore database, RedisLink link, TimeProvider clock, ILogger<RedisConversationStore> logger)
    : IConversationStore
{
    // KEYS: draft, generation. A copy from another generation is deleted and reads as missing.
    private const string ReadScript = """
        local v = redis.call('GET', KEYS[1])
        if not v then return false end
        local sep = string.find(v, '|', 1, true)
        local g = redis.call('GET', KEYS[2]) or '0'
        if not sep or string.sub(v, 1, sep - 1) ~= g then
          redis.call('DEL', KEYS[1])
          return false
        end
        return string.sub(v, sep + 1)
        """;

    // KEYS: draft, generation; ARGV: copy, time to live (ms), 'NX' to leave a newer copy alone. Stamps the current generation.
    private const string WriteScript = """
        local g = redis.call('GET', KEYS[2]) or '0'
        if ARGV[3] == 'NX' then
          return redis.call('SET', KEYS[1], g .. '|' .. ARGV[1], 'PX', ARGV[2], 'NX') and 1 or 0
        end
        redis.call('SET', KEYS[1], g .. '|' .. ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    public async Task<T?> GetAsync<T>(long chatId, string flow, CancellationToken ct) where T : class
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        if (await link.AcquireAsync(ct) is { } redis)
        {
            try
            {
                var keys = new[] { link.Keys.Conversation(chatId), link.Keys.Generation };
                var copy = (string?)await redis.ScriptEvaluateAsync(ReadScript, keys);
                if (copy is not null && Parse(copy) is { } cached)
                {
                    return DbConversationStore.Read<T>(cached.Flow, cached.Data, cached.ExpiresUtc, flow, nowUtc);
                }

                var row = await database.FindAsync(chatId, ct);
                if (row is null || row.ExpiresUtc <= nowUtc)
                {
                    return null;
                }

                // NX: a write that committed after this read must keep its newer copy.
                await WriteCopyAsync(redis, chatId, new Copy(row.Flow, row.Data, row.ExpiresUtc), nowUtc, onlyIfAbsent: true);
                return DbConversationStore.Read<T>(row.Flow, row.Data, row.ExpiresUtc, flow, nowUtc);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                link.ReportFailure(e);
            }
        }

        RedisMetrics.Fallbacks.WithLabels(RedisMetrics.Conversation).Inc();
        return await database.GetAsync<T>(chatId, flow, ct);
    }

    public async Task SetAsync<T>(long chatId, string flow, T state, CancellationToken ct) where T : class
    {
        // The old copy goes first: if this process dies after the commit, no reader can take the copy for current.
        var redis = await InvalidateAsync(chatId, ct);
        await database.SetAsync(chatId, flow, state, ct);
        if (redis is null)
        {
            return;
        }

        var nowUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await WriteCopyAsync(redis, chatId, new Copy(flow, JsonSerializer.Serialize(state), nowUtc + DbConversationStore.Lifetime), nowUtc, onlyIfAbsent: false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            link.ReportFailure(e);
            RedisMetrics.Fallbacks.WithLabels(RedisMetrics.Conversation).Inc();
        }
    }

    public async Task ClearAsync(long chatId, CancellationToken ct)
    {
        await InvalidateAsync(chatId, ct);
        await database.ClearAsync(chatId, ct);
    }

    /// <summary>Deletes the chat's copy; the database to go on with, or null when Redis is out of use (counted).</summary>
    private async Task<IDatabase?> InvalidateAsync(long chatId, CancellationToken ct)
    {
        if (await link.AcquireAsync(ct) is { } redis)
        {
            try
            {
                await redis.KeyDeleteAsync(link.Keys.Conversation(chatId));
                return redis;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                link.ReportFailure(e);
            }
        }

        RedisMetrics.Fallbacks.WithLabels(RedisMetrics.Conversation).Inc();
        return null;
    }

    private async Task WriteCopyAsync(IDatabase redis, long chatId, Copy copy, DateTime nowUtc, bool onlyIfAbsent)
    {
        // Redis expires the key on its own clock; the copy also carries the expiry on the bot's clock, which is checked on read.
        var ttl = (long)Math.Clamp((copy.ExpiresUtc - nowUtc).TotalMilliseconds, 1, DbConversationStore.Lifetime.TotalMilliseconds);
        await redis.ScriptEvaluateAsync(
            WriteScript,
            [link.Keys.Conversation(chatId), link.Keys.Generation],
            [JsonSerializer.Serialize(copy), ttl, onlyIfAbsent ? "NX" : "ALWAYS"]);
    }

    private Copy? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Copy>(json);
        }
        catch (JsonException e)
        {
            logger.LogWarning("An unreadable conversation copy in Redis was ignored ({Reason})", e.Message);
            return null;
        }
    }

    private sealed record Copy(string Flow, string Data, DateTime ExpiresUtc);
}
