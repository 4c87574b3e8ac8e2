using System.Text.Json;
using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Conversation;

/// <summary>Per-chat flow state (P4). The database keeps it by default; Redis can take over in a later step.</summary>
public interface IConversationStore
{
    Task<T?> GetAsync<T>(long chatId, string flow, CancellationToken ct) where T : class;

    Task SetAsync<T>(long chatId, string flow, T state, CancellationToken ct) where T : class;

    Task ClearAsync(long chatId, CancellationToken ct);
}

public sealed class DbConversationStore(BookingDb db, TimeProvider clock) : IConversationStore
{
    /// <summary>A draft nobody touched for a day is stale; it is ignored and later swept.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<T?> GetAsync<T>(long chatId, string flow, CancellationToken ct) where T : class
    {
        var row = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.ChatId == chatId, ct);
        if (row is null || row.Flow != flow || row.ExpiresUtc <= clock.GetUtcNow().UtcDateTime)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(row.Data);
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
        var row = await db.Conversations.SingleOrDefaultAsync(c => c.ChatId == chatId, ct);
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
        await db.Conversations.Where(c => c.ChatId == chatId).ExecuteDeleteAsync(ct);
    }
}
