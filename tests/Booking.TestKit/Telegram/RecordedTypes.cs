namespace Booking.TestKit.Telegram;

/// <summary>One HTTP request the bot made, in arrival order.</summary>
/// <param name="Body">The raw JSON body, or for multipart uploads a JSON object of the form fields.</param>
/// <param name="At">When it arrived by the injected clock, which tests usually hold still.</param>
public sealed record RecordedCall(string Method, string Body, DateTimeOffset At)
{
    /// <summary>Real (monotonic) time since the fake started when the call arrived: measures real waits, such as a retry after a 429.</summary>
    public TimeSpan Received { get; init; }
}

/// <summary>One setMyCommands call.</summary>
public sealed record RecordedCommandSet(
    IReadOnlyList<(string Command, string Description)> Commands,
    string? ScopeJson,
    string? LanguageCode);

public sealed record InlineButton(string Text, string? CallbackData, string? Url);

public sealed record CallbackAnswer(string QueryId, string? Text, bool ShowAlert);

public sealed record SentDocument(string FileName, byte[] Content, string? Caption);
