using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Booking.LocalBotApi;

/// <summary>
/// The HTTP face of the server: /bot{token}/{method}, Telegram's response envelope,
/// scripted failures and long polling.
/// </summary>
internal sealed partial class BotApiRouter
{
    // Telegram.Bot's receiver asks for timeout=100, the same as its HttpClient timeout; holding a
    // little less means an idle poll ends with an empty answer rather than a client-side timeout.
    private const int MaxHoldSeconds = 50;

    private readonly string _token;
    private readonly User _bot;
    private readonly CallLog _log;
    private readonly ChatStore _chats;
    private readonly UpdateQueue _updates;
    private readonly CancellationToken _stopping;
    private readonly Dictionary<string, Func<BotRequest, CancellationToken, Task<ApiResult>>> _methods;

    public BotApiRouter(string token, User bot, CallLog log, ChatStore chats, UpdateQueue updates, CancellationToken stopping)
    {
        (_token, _bot, _log, _chats, _updates, _stopping) = (token, bot, log, chats, updates, stopping);
        _methods = Methods();
    }

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var path = context.Request.Path.Value ?? "";
        var slash = path.LastIndexOf('/');
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash < 4)
        {
            await WriteAsync(context.Response, ApiResult.Error(404, "Not Found"), ct);
            return;
        }

        var method = path[(slash + 1)..];
        try
        {
            var request = await ReadAsync(context.Request, method, ct);
            var call = _log.Record(method, request?.Body ?? "<unparsable body>");
            if (request is not null && path[4..slash] == _token && _log.TakeInjectedFault(call, request.Long("chat_id")) is { } fault)
            {
                await PlayAsync(context, fault, ct);
                return;
            }

            var result = path[4..slash] != _token ? ApiResult.Error(401, "Unauthorized")
                : request is null ? ApiResult.BadRequest("can't parse JSON object")
                : _log.TakeFailure(method) ?? await DispatchAsync(request, ct);
            await WriteAsync(context.Response, result, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client hung up (usually a long poll being cancelled); there is no one to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            // Surface the server's own bugs in the client's exception instead of an empty 500.
            await WriteAsync(context.Response, ApiResult.Error(500, $"Internal Server Error: local Bot API failed on {method}: {ex}"), ct);
        }
    }

    private static async Task PlayAsync(HttpContext context, ApiFault fault, CancellationToken ct)
    {
        switch (fault.Kind)
        {
            case FaultKind.TooManyRequests:
                await WriteAsync(context.Response, ApiResult.Error(
                    429, $"Too Many Requests: retry after {fault.RetryAfterSeconds}", fault.RetryAfterSeconds), ct);
                return;
            case FaultKind.ServerError:
                await WriteAsync(context.Response, ApiResult.Error(500, "Internal Server Error"), ct);
                return;
            case FaultKind.Timeout:
                // The client normally hangs up first, which cancels this wait.
                await Task.Delay(fault.Hold ?? TimeSpan.FromSeconds(60), TimeProvider.System, ct);
                context.Abort();
                return;
            default:
                context.Abort();
                return;
        }
    }

    private static async Task<BotRequest?> ReadAsync(HttpRequest request, string method, CancellationToken ct)
    {
        try
        {
            return await BotRequest.ReadAsync(request, method, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task<ApiResult> DispatchAsync(BotRequest request, CancellationToken ct) =>
        _methods.TryGetValue(request.Method, out var handler)
            ? handler(request, ct)
            : Task.FromResult(ApiResult.Error(404, $"Not Found: method '{request.Method}' is not supported by the local Bot API"));

    /// <summary>
    /// Real long polling: hold the request until an update arrives or the timeout passes, so a
    /// polling bot waits instead of spinning.
    /// </summary>
    private async Task<ApiResult> GetUpdatesAsync(BotRequest request, CancellationToken ct)
    {
        _updates.Confirm(request.Long("offset"));
        var limit = Math.Clamp(request.Int("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(request.Int("timeout") ?? 0, 0, MaxHoldSeconds));
        var started = TimeProvider.System.GetTimestamp();
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping);
        while (true)
        {
            var batch = _updates.Peek(limit, out var arrived);
            var left = timeout - TimeProvider.System.GetElapsedTime(started);
            if (batch.Count > 0 || left <= TimeSpan.Zero || _stopping.IsCancellationRequested)
            {
                return ApiResult.Ok(batch.ToArray());
            }

            try
            {
                await arrived.WaitAsync(left, TimeProvider.System, wake.Token);
            }
            catch (TimeoutException)
            {
                // Loop once more and answer with whatever is there (normally nothing).
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // The server is shutting down: release the poll with an empty answer.
            }
        }
    }

    private static async Task WriteAsync(HttpResponse response, ApiResult result, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteBoolean("ok", result.IsOk);
            if (result.IsOk)
            {
                json.WritePropertyName("result");
                var value = result.Value ?? throw new InvalidOperationException("A successful Bot API call needs a result.");
                JsonSerializer.Serialize(json, value, value.GetType(), JsonBotAPI.Options);
            }
            else
            {
                json.WriteNumber("error_code", result.ErrorCode);
                json.WriteString("description", result.Description);
                if (result.RetryAfter is { } retryAfter)
                {
                    json.WriteStartObject("parameters");
                    json.WriteNumber("retry_after", retryAfter);
                    json.WriteEndObject();
                }
            }

            json.WriteEndObject();
        }

        response.StatusCode = result.IsOk ? StatusCodes.Status200OK
            : result.ErrorCode is >= 400 and < 600 ? result.ErrorCode
            : StatusCodes.Status400BadRequest;
        response.ContentType = "application/json";
        await response.Body.WriteAsync(buffer.WrittenMemory, ct);
    }
}
