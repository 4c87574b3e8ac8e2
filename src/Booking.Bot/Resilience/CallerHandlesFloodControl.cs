namespace Booking.Bot.Resilience;

/// <summary>
/// Marks the Bot API calls made inside a scope as ones whose caller deals with a 429 itself: the retry policy hands
/// the 429 back at once instead of waiting its retry_after inside the call (ADR 0022). The broadcast sender uses it
/// to hold back the one refused copy and keep sending to everyone else; every other caller keeps ADR 0004's wait.
/// The mark flows with the async call, so it reaches the HttpClient's handlers and ends with the scope.
/// </summary>
public static class CallerHandlesFloodControl
{
    private static readonly AsyncLocal<bool> Marked = new();

    public static bool IsMarked => Marked.Value;

    public static Scope Begin()
    {
        Marked.Value = true;
        return default;
    }

    public readonly struct Scope : IDisposable
    {
        public void Dispose() => Marked.Value = false;
    }
}
