namespace Booking.Core.Domain;

public static class Languages
{
    public const string Russian = "ru";
    public const string English = "en";
    public const string Default = Russian;

    public static IReadOnlyList<string> All { get; } = [Russian, English];

    /// <summary>Maps Telegram's language_code (e.g. "en-GB", "uk") to one we speak; Russian is the fallback.</summary>
    public static string Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return Default;
        }

        return code.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Russian;
    }
}
