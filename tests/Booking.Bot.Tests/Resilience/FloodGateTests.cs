using System.Net;
using System.Text;
using Booking.Bot.Resilience;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Polly;

namespace Booking.Bot.Tests.Resilience;

/// <summary>P6: after a 429 for a chat, every call for that chat waits out retry_after, not only the one retried.</summary>
public sealed class FloodGateTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly List<(string Chat, DateTimeOffset At)> _calls = [];
    private readonly Lock _gate = new();
    private readonly HttpClient _http;
    private int _tooMany = 1;

    public FloodGateTests()
    {
        var flood = new FloodGate(_clock);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock };
        TelegramResilience.Configure(pipeline, new TelegramRetryOptions(), TimeSpan.FromSeconds(25), NullLogger.Instance);
        var server = new Recording(this);
        _http = new HttpClient(new FloodGate.Waiter(flood)
        {
            InnerHandler = new ResilienceHandler(pipeline.Build()) { InnerHandler = new FloodGate.Recorder(flood) { InnerHandler = server } },
        })
        {
            BaseAddress = new Uri("http://bot-api.test/bot123456:SECRET/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> SendAsync(long chat) =>
        _http.PostAsync("sendMessage", new StringContent($$"""{"chat_id":{{chat}},"text":"hi"}""", Encoding.UTF8, "application/json"));

    [Fact]
    public async Task A_call_for_a_chat_under_a_429_waits_for_retry_after_while_other_chats_go_at_once()
    {
        var first = SendAsync(1001); // answered 429, retry after 3 s
        await WaitForCallsAsync(1);
        var sameChat = SendAsync(1001);
        var otherChat = SendAsync(2002);
        await WaitForCallsAsync(2);

        for (var step = 0; step < 40 && !(first.IsCompleted && sameChat.IsCompleted); step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }

        await Task.WhenAll(first, sameChat, otherChat).WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
        var start = _calls[0].At;
        Assert.Equal(TimeSpan.Zero, _calls.Single(c => c.Chat == "2002").At - start);
        Assert.All(_calls.Where(c => c.Chat == "1001").Skip(1), c => Assert.True(c.At - start >= TimeSpan.FromSeconds(3), $"a call for chat 1001 went out {(c.At - start).TotalSeconds} s after the 429"));
        Assert.Equal(4, _calls.Count); // the 429, the other chat, then the held call and the retry
    }

    [Fact]
    public async Task A_chat_is_forgotten_once_its_flood_wait_is_over_so_the_gate_does_not_grow_with_every_chat()
    {
        var gate = new FloodGate(_clock);
        for (var chat = 0; chat < 5000; chat++)
        {
            gate.Close(chat.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(3));
        }

        _clock.Advance(TimeSpan.FromSeconds(2));
        gate.Close("9001", TimeSpan.FromSeconds(3));     // t = 2: the 5,000 are still closed, so all are kept
        Assert.Equal(5001, gate.TrackedChats);

        _clock.Advance(TimeSpan.FromSeconds(2));
        gate.Close("9002", TimeSpan.FromSeconds(3));     // t = 4: the first 5,000 are open again and forgotten
        Assert.Equal(2, gate.TrackedChats);

        var held = gate.WaitAsync("9001", CancellationToken.None);
        Assert.False(held.IsCompleted);                  // forgetting the open gates left the closed ones closed
        Assert.True(gate.WaitAsync("17", CancellationToken.None).IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await held.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System);
    }

    private async Task WaitForCallsAsync(int count)
    {
        for (var i = 0; i < 500 && _calls.Count < count; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System); // lets anything that would wrongly go out now reach the server
    }

    private sealed class Recording(FloodGateTests test) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var chat = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("chat_id").ToString();
            lock (test._gate)
            {
                test._calls.Add((chat, test._clock.GetUtcNow()));
            }

            return Interlocked.Exchange(ref test._tooMany, 0) == 1
                ? StubBotApi.Error(429, "Too Many Requests: retry after 3", retryAfter: 3)
                : StubBotApi.Ok();
        }
    }
}
