using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Booking.Bench.Load;

/// <summary>
/// A lean Bot API server on 127.0.0.1 for load runs. Unlike the test kit's fake it keeps no call log and no
/// message history — only each chat's current screen — so it stays cheap and flat in memory at 10,000 users.
/// It stamps when each update is handed to the bot and when the bot's replies arrive.
/// </summary>
public sealed class LoopbackBotApi : IAsyncDisposable
{
    public const long BotId = 7_000_000_001;
    public const string Token = "7000000001:BENCH-loopback-token";

    private static readonly byte[] OkTrue = "{\"ok\":true,\"result\":true}"u8.ToArray();
    private static readonly byte[] Me = Encoding.UTF8.GetBytes(
        $"{{\"ok\":true,\"result\":{{\"id\":{BotId},\"is_bot\":true,\"first_name\":\"BenchBot\",\"username\":\"bench_bot\"}}}}");

    private readonly WebApplication _app;
    private readonly UpdateFeed _feed = new();
    private readonly ConcurrentDictionary<long, BenchChat> _chats = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<long> _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<long, int> _deliveries = new();
    private readonly Random _flood = new(5);
    private int _lastMessageId;
    private long _requests;
    private long _floods;
    private long _lastDelivery;
    private double _floodShare;
    private byte[] _tooMany = [];

    private LoopbackBotApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Completes with the timestamp of the bot's first getUpdates: the moment it is ready.</summary>
    public Task<long> FirstPoll => _firstPoll.Task;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>getUpdates calls answered so far, and updates in their answers that had been handed out before.</summary>
    public (long Polls, long Redelivered) Polling => (Interlocked.Read(ref _feed.Polls), Interlocked.Read(ref _feed.Redelivered));

    public static async Task<LoopbackBotApi> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new LoopbackBotApi(app);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
        return api;
    }

    /// <summary>sendMessage calls answered 429 so far.</summary>
    public long Floods => Interlocked.Read(ref _floods);

    /// <summary>Successful sendMessage calls per chat, for chats that are not virtual users (broadcast recipients).</summary>
    public IReadOnlyDictionary<long, int> Deliveries => _deliveries;

    /// <summary>When the last message reached a non-user chat (Stopwatch ticks).</summary>
    public long LastDelivery => Interlocked.Read(ref _lastDelivery);

    /// <summary>From now on answer this share of sendMessage calls with 429 and the given retry_after, as flood control does.</summary>
    public void InjectFloodControl(double share, int retryAfterSeconds)
    {
        _tooMany = Encoding.UTF8.GetBytes(
            $"{{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after {retryAfterSeconds}\",\"parameters\":{{\"retry_after\":{retryAfterSeconds}}}}}");
        Volatile.Write(ref _floodShare, share);
    }

    public BenchChat Chat(long id) => _chats.GetOrAdd(id, static i => new BenchChat(i));

    public int NextMessageId() => Interlocked.Increment(ref _lastMessageId);

    public void Enqueue(Step step, Func<long, byte[]> build) => _feed.Enqueue(step, build);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _feed.Release();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var at = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _requests);
        var path = context.Request.Path.Value ?? "";
        var method = path[(path.LastIndexOf('/') + 1)..];
        if (context.Request.HasFormContentType)
        {
            // A file upload (the client's calendar file after a booking): multipart, answered with a message.
            await AnswerUploadAsync(context);
            return;
        }

        using var body = await ReadJsonAsync(context.Request);
        var root = body?.RootElement ?? default;
        if (method == "sendMessage" && Flooded())
        {
            Interlocked.Increment(ref _floods);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(_tooMany, context.RequestAborted);
            return;
        }

        var response = method switch
        {
            "getUpdates" => await GetUpdatesAsync(root, context.RequestAborted),
            "sendMessage" => Screen(root, sent: true, at),
            "editMessageText" => Screen(root, sent: false, at),
            "editMessageReplyMarkup" => Other(root, at),
            "answerCallbackQuery" => Answer(root, at),
            "getMe" => Me,
            _ => OkTrue,
        };
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = response.Length;
        await context.Response.Body.WriteAsync(response, context.RequestAborted);
    }

    private async Task AnswerUploadAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var chatId = long.Parse(form["chat_id"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var response = UpdateJson.SentMessage(NextMessageId(), chatId, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = response.Length;
        await context.Response.Body.WriteAsync(response, context.RequestAborted);
    }

    private async Task<byte[]> GetUpdatesAsync(JsonElement request, CancellationToken ct)
    {
        _firstPoll.TrySetResult(Stopwatch.GetTimestamp());
        long? offset = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("offset", out var o) ? o.GetInt64() : null;
        var limit = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("limit", out var l) ? l.GetInt32() : 100;
        var timeout = request.ValueKind == JsonValueKind.Object && request.TryGetProperty("timeout", out var t) ? t.GetInt32() : 0;
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * Math.Min(timeout, 50));
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        while (true)
        {
            var batch = _feed.Take(offset, limit, out var arrived);
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (batch.Count > 0 || left <= TimeSpan.Zero || wake.IsCancellationRequested)
            {
                return _feed.Response(batch);
            }

            try
            {
                await arrived.WaitAsync(left, wake.Token);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                // Answer with whatever is there (normally nothing).
            }
        }
    }

    private byte[] Screen(JsonElement request, bool sent, long at)
    {
        var chatId = request.GetProperty("chat_id").GetInt64();
        var messageId = sent ? NextMessageId() : request.GetProperty("message_id").GetInt32();
        var (buttons, inline) = Buttons(request);
        if (_chats.TryGetValue(chatId, out var chat))
        {
            chat.OnScreen(sent, new Screen(messageId, buttons), inline, at);
        }
        else if (sent)
        {
            _deliveries.AddOrUpdate(chatId, 1, static (_, n) => n + 1);
            Interlocked.Exchange(ref _lastDelivery, at);
        }

        return UpdateJson.SentMessage(messageId, chatId, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
    }

    private bool Flooded()
    {
        var share = Volatile.Read(ref _floodShare);
        if (share <= 0)
        {
            return false;
        }

        lock (_flood)
        {
            return _flood.NextDouble() < share;
        }
    }

    private byte[] Other(JsonElement request, long at)
    {
        var chatId = request.GetProperty("chat_id").GetInt64();
        if (_chats.TryGetValue(chatId, out var chat))
        {
            chat.OnOtherRequest(at);
        }

        return UpdateJson.SentMessage(request.GetProperty("message_id").GetInt32(), chatId, TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
    }

    private byte[] Answer(JsonElement request, long at)
    {
        var id = request.GetProperty("callback_query_id").GetString() ?? "";
        var alert = request.TryGetProperty("show_alert", out var a) && a.ValueKind == JsonValueKind.True;
        var chatId = long.Parse(id.AsSpan(2, id.IndexOf(':', 2) - 2), System.Globalization.CultureInfo.InvariantCulture);
        if (_chats.TryGetValue(chatId, out var chat))
        {
            chat.OnAnswer(id, alert, at);
        }

        return OkTrue;
    }

    private static (Button[] Buttons, bool Inline) Buttons(JsonElement request)
    {
        if (!request.TryGetProperty("reply_markup", out var markup) || !markup.TryGetProperty("inline_keyboard", out var rows))
        {
            return ([], false);
        }

        var buttons = new List<Button>();
        foreach (var row in rows.EnumerateArray())
        {
            foreach (var button in row.EnumerateArray())
            {
                if (button.TryGetProperty("callback_data", out var data))
                {
                    buttons.Add(new Button(button.GetProperty("text").GetString() ?? "", data.GetString() ?? ""));
                }
            }
        }

        return (buttons.ToArray(), true);
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync();
            if (read.IsCompleted)
            {
                // A copy: the document must not point into pipe memory that is handed back below.
                var document = read.Buffer.Length == 0 ? null : JsonDocument.Parse(read.Buffer.ToArray());
                reader.AdvanceTo(read.Buffer.End);
                return document;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}

/// <summary>Updates waiting for the bot, confirmed (dropped) by the offset of the next getUpdates, as Telegram does.</summary>
internal sealed class UpdateFeed
{
#pragma warning disable CA1051 // Fields, so they can be counted with Interlocked.
    public long Polls;
    public long Redelivered;
#pragma warning restore CA1051

    private readonly Lock _gate = new();
    private readonly Queue<(long Id, byte[] Json, Step Step)> _pending = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastId;

    public void Enqueue(Step step, Func<long, byte[]> build)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            var id = ++_lastId;
            _pending.Enqueue((id, build(id), step));
            (arrived, _arrived) = (_arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        arrived.TrySetResult();
    }

    public List<(long Id, byte[] Json, Step Step)> Take(long? offset, int limit, out Task arrived)
    {
        lock (_gate)
        {
            while (offset is { } below && _pending.TryPeek(out var head) && head.Id < below)
            {
                _pending.Dequeue();
            }

            arrived = _arrived.Task;
            return _pending.Take(limit).ToList();
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _arrived.TrySetResult();
        }
    }

    /// <summary>The getUpdates answer; every update in it is stamped as handed to the bot now.</summary>
    public byte[] Response(List<(long Id, byte[] Json, Step Step)> batch)
    {
        Interlocked.Increment(ref Polls);
        var buffer = new ArrayBufferWriter<byte>(64 + batch.Sum(u => u.Json.Length + 1));
        buffer.Write("{\"ok\":true,\"result\":["u8);
        for (var i = 0; i < batch.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write(","u8);
            }

            buffer.Write(batch[i].Json);
        }

        buffer.Write("]}"u8);
        var now = Stopwatch.GetTimestamp();
        foreach (var (_, _, step) in batch)
        {
            if (step.HandedAt == 0)
            {
                step.HandedAt = now;
            }
            else
            {
                Interlocked.Increment(ref Redelivered);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }
}
