using System.Net;
using Booking.Bot.Resilience;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace Booking.Bot.Tests.Resilience;

/// <summary>P6: the retry policy on its own, over a stub server and a fake clock, so every wait is exact and instant.</summary>
public sealed class TelegramResilienceTests : IDisposable
{
    private static readonly TimeSpan PollTime = TimeSpan.FromSeconds(25);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly StubBotApi _api;
    private HttpClient? _http;

    public TelegramResilienceTests() => _api = new StubBotApi(_clock);

    private HttpClient Http(TelegramRetryOptions? options = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock };
        TelegramResilience.Configure(builder, options ?? new TelegramRetryOptions(), PollTime, NullLogger.Instance);
        _http = new HttpClient(new ResilienceHandler(builder.Build()) { InnerHandler = _api })
        {
            BaseAddress = new Uri("http://bot-api.test/bot123456:SECRET/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        return _http;
    }

    /// <summary>Moves the fake clock in small steps until the call completes, as real time would.</summary>
    private async Task<HttpResponseMessage> RunAsync(Task<HttpResponseMessage> call, TimeSpan? limit = null)
    {
        var step = TimeSpan.FromMilliseconds(100);
        await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System); // lets the first attempt reach the stub before time moves
        for (var moved = TimeSpan.Zero; !call.IsCompleted && moved < (limit ?? TimeSpan.FromMinutes(2)); moved += step)
        {
            _clock.Advance(step);
            await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System);
        }

        return await call.WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System);
    }

    private static StringContent Body() => new("""{"chat_id":1001,"text":"hi"}""");

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_from_its_body_and_not_sooner()
    {
        _api.Then(StubBotApi.Error(429, "Too Many Requests: retry after 3", retryAfter: 3)).Then(StubBotApi.Ok());

        var response = await RunAsync(Http().PostAsync("sendMessage", Body()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = _api.Calls;
        Assert.Equal(2, calls.Count);
        Assert.InRange(calls[1] - calls[0], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.3));
    }

    [Fact]
    public async Task A_429_asking_for_a_longer_wait_than_the_cap_comes_back_at_once_with_its_body_readable()
    {
        _api.Then(StubBotApi.Error(429, "Too Many Requests: retry after 120", retryAfter: 120));

        var response = await RunAsync(Http().PostAsync("sendMessage", Body()), limit: TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(_api.Calls);
        Assert.Contains("\"retry_after\":120", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_for_a_caller_that_handles_flood_control_itself_comes_back_at_once_while_other_calls_still_wait_it_out()
    {
        _api.Then(StubBotApi.Error(429, "Too Many Requests: retry after 3", retryAfter: 3))
            .Then(StubBotApi.Error(429, "Too Many Requests: retry after 3", retryAfter: 3))
            .Then(StubBotApi.Ok());
        var http = Http();
        Task<HttpResponseMessage> marked;
        using (CallerHandlesFloodControl.Begin())
        {
            marked = http.PostAsync("sendMessage", Body());
        }

        var refused = await RunAsync(marked, limit: TimeSpan.FromSeconds(1));
        var unmarked = await RunAsync(http.PostAsync("sendMessage", Body()));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("\"retry_after\":3", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unmarked.StatusCode);
        var calls = _api.Calls;
        Assert.Equal(3, calls.Count);
        Assert.InRange(calls[2] - calls[1], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.3));
    }

    [Fact]
    public async Task Server_errors_and_network_failures_are_retried_with_growing_pauses_until_one_succeeds()
    {
        _api.Then(StubBotApi.Error(500, "Internal Server Error"))
            .Then(_ => throw new HttpRequestException("connection reset"))
            .Then(StubBotApi.Error(502, "Bad Gateway"))
            .Then(StubBotApi.Ok());

        var response = await RunAsync(Http().PostAsync("sendMessage", Body()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = _api.Calls;
        Assert.Equal(4, calls.Count);
        Assert.All(calls.Zip(calls.Skip(1), (a, b) => b - a), gap => Assert.True(gap > TimeSpan.Zero, "every retry waits"));
        Assert.True(calls[3] - calls[0] < TimeSpan.FromSeconds(30), "three backoffs from 1 s stay well under half a minute");
    }

    [Fact]
    public async Task After_the_configured_retries_the_last_error_goes_back_to_the_caller()
    {
        for (var i = 0; i < 5; i++)
        {
            _api.Then(StubBotApi.Error(503, "Service Unavailable"));
        }

        var response = await RunAsync(Http(new TelegramRetryOptions { MaxRetries = 2 }).PostAsync("sendMessage", Body()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, _api.Calls.Count);
    }

    [Theory]
    [InlineData(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same")]
    [InlineData(403, "Forbidden: bot was blocked by the user")]
    [InlineData(404, "Not Found")]
    [InlineData(409, "Conflict: terminated by other getUpdates request")]
    public async Task Client_errors_other_than_429_are_not_retried(int code, string description)
    {
        _api.Then(StubBotApi.Error(code, description));

        var response = await RunAsync(Http().PostAsync("editMessageText", Body()), limit: TimeSpan.FromSeconds(10));

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Single(_api.Calls);
    }

    [Fact]
    public async Task An_attempt_that_hangs_is_cut_off_at_the_attempt_timeout_and_tried_again()
    {
        _api.Then(async ct =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _clock, ct);
            return StubBotApi.Ok();
        }).Then(StubBotApi.Ok());

        var response = await RunAsync(Http(new TelegramRetryOptions { AttemptTimeout = TimeSpan.FromSeconds(5) }).PostAsync("sendMessage", Body()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = _api.Calls;
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1] - calls[0] >= TimeSpan.FromSeconds(5), "the first attempt had its full five seconds");
    }

    [Fact]
    public async Task A_long_poll_held_open_by_the_server_is_not_cut_short()
    {
        _api.Then(async ct =>
        {
            await Task.Delay(PollTime - TimeSpan.FromSeconds(1), _clock, ct);
            return StubBotApi.Json(HttpStatusCode.OK, """{"ok":true,"result":[]}""");
        });

        var response = await RunAsync(Http(new TelegramRetryOptions { AttemptTimeout = TimeSpan.FromSeconds(5) }).PostAsync("getUpdates", Body()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_api.Calls);
    }

    [Theory]
    [InlineData("""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}""", null, 3)]
    [InlineData("""{"ok":false,"error_code":429,"description":"Too Many Requests"}""", 7, 7)]
    [InlineData("<html>Too Many Requests</html>", 2, 2)]
    [InlineData("""{"ok":false,"error_code":429,"description":"Too Many Requests"}""", null, null)]
    public async Task Retry_after_is_read_from_the_body_with_the_header_as_fallback(string body, int? header, int? expectedSeconds)
    {
        using var response = StubBotApi.Json(HttpStatusCode.TooManyRequests, body);
        if (header is { } h)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(h));
        }

        var wait = await TelegramResilience.RetryAfterAsync(response, CancellationToken.None);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, wait);
    }

    public void Dispose() => _http?.Dispose();
}
