using System.Text.Json;
using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Conversation;

/// <summary>Per-chat flow state (P4). The database keeps it; with REDIS_URL the host reads it through Redis (ADR 0013).</summary>
public interface IConversationStore
{
    Task<T?> GetAsync<T>(long chatId, string flow, CancellationToken ct) where T : class;

    Task SetAsync<T>(long chatId, string flow, T state, CancellationToken ct) where T : class;

    Task ClearAsync(long chatId, CancellationToken ct);
}

public sealed class DbConversationStore(BookingDb db, TimeProvider clock) : IConversationStore
{
    // Compiled once per model (CompiledQuery): a draft is read on nearly every update and written on every step (see ScheduleReader on why).
    private static readonly CompiledQuery<Func<BookingDb, long, CancellationToken, Task<ConversationState?>>> ReadQuery = new(() =>
        EF.CompileAsyncQuery((BookingDb db, long chatId, CancellationToken ct) => db.Conversations.AsNoTracking().SingleOrDefault(c => c.ChatId == chatId)));

    private static readonly CompiledQuery<Func<BookingDb, long, CancellationToken, Task<ConversationState?>>> TrackedQuery = new(() =>
        EF.CompileAsyncQuery((BookingDb db, long chatId, CancellationToken ct) => db.Conversations.SingleOrDefault(c => c.ChatId == chatId)));

    /// <summary>A draft nobody touched for a day is stale; it is ignored and later swept.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<T?> GetAsync<T>(long chatId, string flow, CancellationToken ct) where T : class
    {
        var row = await FindAsync(chatId, ct);
        return row is null ? null : Read<T>(row.Flow, row.Data, row.ExpiresUtc, flow, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The stored row as it is, expired or not; null when the chat has none.</summary>
    public Task<ConversationState?> FindAsync(long chatId, CancellationToken ct) => ReadQuery.For(db)(db, chatId, ct);

    /// <summary>The state of <paramref name="wanted"/> from a stored draft; null when it is another flow's, expired or unreadable.</summary>
    public static T? Read<T>(string flow, string data, DateTime expiresUtc, string wanted, DateTime nowUtc) where T : class
    {
        if (flow != wanted || expiresUtc <= nowUtc)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(data);
        }
        catch (JsonException)
        {
            return null; // a draft from an older version of the flow: start afresh
        }
    }

    public async Task SetAsync<T>(long chatId, string flow, T state, CancellationToken ct) where T : class
    {
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var json = JsonSerializer.Serialize(state);
        var row = await TrackedQuery.For(db)(db, chatId, ct);
        if (row is null)
        {
            db.Conversations.Add(new ConversationState(chatId, flow, json, nowUtc, nowUtc + Lifetime));
        }
        else
        {
            row.Replace(flow, json, nowUtc, nowUtc + Lifetime);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task ClearAsync(long chatId, CancellationToken ct)
    {
        using var turn = await db.WriterTurnAsync(ct);
        await db.Conversations.Where(c => c.ChatId == chatId).ExecuteDeleteAsync(ct);
    }
}
