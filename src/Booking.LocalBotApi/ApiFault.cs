namespace Booking.LocalBotApi;

public enum FaultKind
{
    /// <summary>429 Too Many Requests with <c>parameters.retry_after</c>.</summary>
    TooManyRequests = 1,

    /// <summary>500 Internal Server Error.</summary>
    ServerError = 2,

    /// <summary>The request is held without an answer until the client gives up, then the connection is cut.</summary>
    Timeout = 3,

    /// <summary>The connection is cut without an answer.</summary>
    Drop = 4,
}

/// <summary>A failure the fake plays instead of handling a call; the call then has no effect.</summary>
/// <param name="Hold">For <see cref="FaultKind.Timeout"/>: how long the request is held before the connection is cut.</param>
public sealed record ApiFault(FaultKind Kind, int RetryAfterSeconds = 0, TimeSpan? Hold = null);

/// <summary>A failure the fake played, with the chat the call was for and when it arrived (real time since start).</summary>
public sealed record InjectedFault(string Method, long? ChatId, ApiFault Fault, TimeSpan Received);
