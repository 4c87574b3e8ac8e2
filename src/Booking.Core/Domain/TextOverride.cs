namespace Booking.Core.Domain;

/// <summary>
/// An admin's wording of one text in one language (A10), used instead of the default shipped with the bot.
/// Removing the row restores the default.
/// </summary>
public sealed class TextOverride
{
    /// <summary>Longer texts could not be previewed in one Telegram message (4096 characters) with their header.</summary>
    public const int MaxLength = 3500;

    private TextOverride()
    {
        Key = string.Empty;
        Language = string.Empty;
        Text = string.Empty;
    }

    public TextOverride(string key, string language, string text, long updatedBy, DateTime nowUtc)
    {
        Key = key;
        Language = language;
        Text = text;
        UpdatedBy = updatedBy;
        UpdatedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public string Key { get; private set; }
    public string Language { get; private set; }
    public string Text { get; private set; }
    public long UpdatedBy { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    public void Rewrite(string text, long updatedBy, DateTime nowUtc)
    {
        Text = text;
        UpdatedBy = updatedBy;
        UpdatedUtc = nowUtc;
    }
}
