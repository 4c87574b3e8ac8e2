using Booking.Core.Conversation;

namespace Booking.Bot.Handlers;

/// <summary>The booking wizard's place in the conversation: which message it lives in and what it is placing.</summary>
public sealed record BookingDraft(int MessageId, string Target)
{
    public const string Flow = "booking";

    /// <summary>Set while the wizard waits for the client's phone (C11): the slot they picked, placed once the phone is in.</summary>
    public DateTime? PhoneForUtc { get; init; }

    /// <summary>Whether the phone step may be skipped (the setting was "optional" when it was asked).</summary>
    public bool PhoneSkippable { get; init; }
}

public static class BookingDraftStore
{
    public static Task SaveAsync(this IConversationStore store, long chatId, int messageId, Callbacks.Target target, CancellationToken ct) =>
        store.SetAsync(chatId, BookingDraft.Flow, new BookingDraft(messageId, target.ToString()), ct);
}
