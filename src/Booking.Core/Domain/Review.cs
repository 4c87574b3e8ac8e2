namespace Booking.Core.Domain;

/// <summary>A client's rating (1–5) and optional comment for one visit (C9); at most one per booking.</summary>
public sealed class Review
{
    public const int MaxCommentLength = 1000;

    private Review()
    {
    }

    public Review(int bookingId, long clientId, int rating, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        BookingId = bookingId;
        ClientId = clientId;
        Rating = rating;
        CreatedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int BookingId { get; private set; }
    public long ClientId { get; private set; }
    public int Rating { get; private set; }
    public string? Comment { get; private set; }
    public DateTime CreatedUtc { get; private set; }

    public bool IsLow => Rating <= 3;

    /// <summary>The writer asked to be forgotten (C11): their words go, the rating stays in the average.</summary>
    public void EraseComment() => Comment = null;

    public void AddComment(string comment)
    {
        var text = comment.Trim();
        Comment = text.Length > MaxCommentLength ? text[..MaxCommentLength] : text;
    }
}

/// <summary>An inline keyboard the bot sent, remembered so it can be removed once stale (P8).</summary>
public sealed class LiveKeyboard
{
    public LiveKeyboard(long chatId, int messageId, DateTime sentUtc)
    {
        ChatId = chatId;
        MessageId = messageId;
        SentUtc = sentUtc;
    }

    public long ChatId { get; private set; }
    public int MessageId { get; private set; }
    public DateTime SentUtc { get; private set; }
}
