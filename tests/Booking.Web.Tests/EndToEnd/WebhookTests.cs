using System.Net;
using System.Text;
using System.Text.Json;
using Booking.Bot.Receiving;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>
/// P5 webhook mode: the real host, told WEBHOOK_URL, takes updates by POST on that URL's path. Tests play
/// Telegram, posting update JSON as Telegram sends it, and read the bot's answers from the fake Bot API.
/// </summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "Test-secret_0123456789abcdefXYZ";
    private const string PublicUrl = "https://bot.example.com/telegram/hook-7f3a";
    private const long AnnaId = 1001;

    private BotScenario _s = null!;

    public async Task InitializeAsync()
    {
        _s = await BotScenario.StartAsync(settings: new Dictionary<string, string?>
        {
            ["WEBHOOK_URL"] = PublicUrl,
            ["WEBHOOK_SECRET"] = Secret,
        });
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task An_update_posted_with_the_right_secret_is_answered_through_the_bot_api()
    {
        var anna = _s.User(AnnaId, "Анна");

        var response = await PostAsync(StartJson(700_001, AnnaId, "Анна"), Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Здравствуйте, Анна", anna.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(["📅 Записаться", "📋 Мои записи", "ℹ️ О сервисе"], anna.ReplyKeyboard);
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("Test-secret_0123456789abcdefXY")]
    [InlineData("")]
    [InlineData(null)]
    public async Task A_wrong_or_missing_secret_is_refused_with_403_and_nothing_is_processed(string? secret)
    {
        var anna = _s.User(AnnaId, "Анна");

        var response = await PostAsync(StartJson(700_002, AnnaId, "Анна"), secret);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await _s.Host.DbAsync(db => db.Clients.AnyAsync(c => c.Id == AnnaId)));
        Assert.False(await _s.Host.DbAsync(db => db.ProcessedUpdates.AnyAsync(p => p.UpdateId == 700_002)));
        Assert.Empty(anna.Messages);
        Assert.DoesNotContain(_s.Api.Calls, c => c.Method == "sendMessage");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":9223372036854775807,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"hi\"}}")]
    [InlineData("{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":-9223372036854775807,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"hi\"}}")]
    public async Task An_unreadable_body_with_the_right_secret_is_a_400(string body)
    {
        var response = await PostAsync(body, Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(_s.Api.Calls, c => c.Method == "sendMessage");
    }

    [Fact]
    public async Task The_same_update_posted_ten_times_in_a_row_is_applied_once_and_answered_once()
    {
        var anna = _s.User(AnnaId, "Анна");
        var json = StartJson(700_003, AnnaId, "Анна");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(json, Secret)).StatusCode);
        var afterFirst = _s.Api.Calls.Count(c => c.Method == "sendMessage");
        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(json, Secret)).StatusCode);
        }

        Assert.True(afterFirst > 0);
        Assert.Equal(afterFirst, _s.Api.Calls.Count(c => c.Method == "sendMessage"));
        Assert.Single(anna.Messages, m => m.Text.Contains("Здравствуйте, Анна", StringComparison.Ordinal));
        Assert.Equal(1, await _s.Host.DbAsync(db => db.ProcessedUpdates.CountAsync(p => p.UpdateId == 700_003)));
        Assert.Equal(1, await _s.Host.DbAsync(db => db.Clients.CountAsync(c => c.Id == AnnaId)));
    }

    [Fact]
    public async Task The_same_update_posted_ten_times_at_once_is_applied_once_and_answered_once()
    {
        var boris = _s.User(1002, "Борис");
        var json = StartJson(700_004, boris.Id, "Борис");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(json, Secret)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(boris.Messages, m => m.Text.Contains("Здравствуйте, Борис", StringComparison.Ordinal));
        var single = await SingleStartReplyCountAsync();
        Assert.Equal(single, _s.Api.Calls.Count(c => c.Method == "sendMessage" && ChatOf(c) == boris.Id));
        Assert.Equal(1, await _s.Host.DbAsync(db => db.ProcessedUpdates.CountAsync(p => p.UpdateId == 700_004)));
    }

    [Fact]
    public async Task Updates_of_different_chats_posted_at_once_are_all_answered()
    {
        var users = Enumerable.Range(0, 8).Select(i => _s.User(2000 + i, "Гость")).ToList();

        var responses = await Task.WhenAll(users.Select((u, i) => PostAsync(StartJson(710_000 + i, u.Id, "Гость"), Secret)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(users, u => Assert.Contains("Здравствуйте, Гость", u.Messages[0].Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_start_the_webhook_is_set_with_the_secret_and_the_bot_never_polls()
    {
        var anna = _s.User(AnnaId, "Анна");
        await PostAsync(StartJson(700_005, AnnaId, "Анна"), Secret);
        Assert.NotEmpty(anna.Messages);

        var call = Assert.Single(_s.Api.Calls, c => c.Method == "setWebhook");
        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal(PublicUrl, body.RootElement.GetProperty("url").GetString());
        Assert.Equal(Secret, body.RootElement.GetProperty("secret_token").GetString());
        Assert.Equal(
            ["message", "callback_query", "my_chat_member", "pre_checkout_query"],
            body.RootElement.GetProperty("allowed_updates").EnumerateArray().Select(e => e.GetString()));
        Assert.NotEmpty(_s.Api.CommandSets);
        Assert.DoesNotContain(_s.Api.Calls, c => c.Method is "getUpdates" or "deleteWebhook");
        var hosted = _s.Host.Services.GetServices<IHostedService>().ToList();
        Assert.DoesNotContain(hosted, h => h is PollingWorker);
        Assert.Contains(hosted, h => h is WebhookRegistration);
    }

    [Fact]
    public async Task The_webhook_is_set_again_after_a_restart_and_updates_still_arrive()
    {
        var anna = _s.User(AnnaId, "Анна");

        await _s.Host.RestartAsync();
        var response = await PostAsync(StartJson(700_006, AnnaId, "Анна"), Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _s.Api.Calls.Count(c => c.Method == "setWebhook"));
        Assert.Contains("Здравствуйте, Анна", anna.Messages[0].Text, StringComparison.Ordinal);
    }

    // How many messages one /start sends, measured on a fresh chat so the assertion above does not hard-code it.
    private async Task<int> SingleStartReplyCountAsync()
    {
        var probe = _s.User(1999, "Проба");
        await PostAsync(StartJson(799_999, probe.Id, "Проба"), Secret);
        return _s.Api.Calls.Count(c => c.Method == "sendMessage" && ChatOf(c) == probe.Id);
    }

    private static long? ChatOf(RecordedCall call)
    {
        using var body = JsonDocument.Parse(call.Body);
        return body.RootElement.TryGetProperty("chat_id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : null;
    }

    /// <summary>POSTs to the webhook path on the address the host really listens on (it binds port 0).</summary>
    private async Task<HttpResponseMessage> PostAsync(string json, string? secret)
    {
        using var http = new HttpClient { BaseAddress = _s.Host.Address, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(PublicUrl).AbsolutePath)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(WebhookOptions.SecretHeader, secret);
        }

        return await http.SendAsync(request);
    }

    /// <summary>A /start message exactly as Telegram posts it to a webhook.</summary>
    private static string StartJson(long updateId, long userId, string firstName) =>
        $$"""
        {
          "update_id": {{updateId}},
          "message": {
            "message_id": {{updateId % 100_000}},
            "from": { "id": {{userId}}, "is_bot": false, "first_name": "{{firstName}}", "language_code": "ru" },
            "chat": { "id": {{userId}}, "first_name": "{{firstName}}", "type": "private" },
            "date": {{BotScenario.DefaultNow.ToUnixTimeSeconds()}},
            "text": "/start",
            "entities": [ { "offset": 0, "length": 6, "type": "bot_command" } ]
          }
        }
        """;
}
