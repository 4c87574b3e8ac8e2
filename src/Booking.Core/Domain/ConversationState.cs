namespace Booking.Core.Domain;

/// <summary>Where a chat is in a multi-step flow, stored so a restart mid-wizard loses nothing (P4).</summary>
public sealed class ConversationState
{
    private ConversationState()
    {
        Flow = string.Empty;
        Data = string.Empty;
    }

    public ConversationState(long chatId, string flow, string data, DateTime nowUtc, DateTime expiresUtc)
    {
        ChatId = chatId;
        Flow = flow;
        Data = data;
        UpdatedUtc = nowUtc;
        ExpiresUtc = expiresUtc;
    }

    public long ChatId { get; private set; }
    public string Flow { get; private set; }

    /// <summary>The flow's own state as JSON.</summary>
    public string Data { get; private set; }

    public DateTime UpdatedUtc { get; private set; }
    public DateTime ExpiresUtc { get; private set; }

    public void Replace(string flow, string data, DateTime nowUtc, DateTime expiresUtc)
    {
        Flow = flow;
        Data = data;
        UpdatedUtc = nowUtc;
        ExpiresUtc = expiresUtc;
    }
}

/// <summary>Marks a Telegram update as applied; written in the same transaction as the update's effect.</summary>
public sealed class ProcessedUpdate
{
    public ProcessedUpdate(long updateId, DateTime processedUtc)
    {
        UpdateId = updateId;
        ProcessedUtc = processedUtc;
    }

    public long UpdateId { get; private set; }
    public DateTime ProcessedUtc { get; private set; }
}
