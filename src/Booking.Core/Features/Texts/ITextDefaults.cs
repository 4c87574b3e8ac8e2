namespace Booking.Core.Features.Texts;

/// <summary>The texts shipped with the bot, by language and dotted key; overrides must match their placeholders.</summary>
public interface ITextDefaults
{
    /// <summary>Every key, sorted ordinally; the same in each language.</summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>The shipped text of <paramref name="key"/> in <paramref name="language"/> itself, or null.</summary>
    string? Default(string language, string key);
}
