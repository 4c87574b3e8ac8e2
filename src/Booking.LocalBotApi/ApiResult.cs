namespace Booking.LocalBotApi;

/// <summary>Either a result object for {"ok":true} or a Bot API error.</summary>
internal readonly record struct ApiResult(object? Value, int ErrorCode, string? Description, int? RetryAfter)
{
    public bool IsOk => ErrorCode == 0;

    public static ApiResult Ok(object value) => new(value, 0, null, null);

    public static ApiResult Error(int errorCode, string description, int? retryAfter = null) =>
        new(null, errorCode, description, retryAfter);

    public static ApiResult BadRequest(string detail) => Error(400, "Bad Request: " + detail);
}
