using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>P6: what the user sees when Telegram answers 429, 5xx, 403 or "not modified" (retries wait real time, 1 s at most).</summary>
public sealed class TelegramFailureTests : IAsyncLifetime
{
    private const string NotModified =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private List<RecordedCall> CallsSince(int mark, string method) => _s.Api.Calls.Skip(mark).Where(c => c.Method == method).ToList();

    private Task<Client> ClientAsync(long id) => _s.Host.DbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == id));

    private static async Task OpenConfirmAsync(FakeUser user, string day, string time)
    {
        await user.SendTextAsync("/book");
        await user.PressAsync("Массаж");
        await user.PressAsync(day);
        await user.PressAsync(time);
    }

    [Fact]
    public async Task A_429_on_sendMessage_is_waited_out_for_retry_after_and_the_user_still_gets_the_reply()
    {
        var anna = _s.User(1001, "Анна");
        _s.Api.Fail("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        var mark = _s.Api.Calls.Count;

        await anna.SendTextAsync("/help");

        Assert.Contains("Вот что я умею", anna.LastMessage.Text, StringComparison.Ordinal);
        var sends = CallsSince(mark, "sendMessage");
        Assert.Equal(2, sends.Count);
        Assert.True(sends[1].Received - sends[0].Received >= TimeSpan.FromSeconds(1),
            $"the retry came {sends[1].Received - sends[0].Received} after the 429 that asked for 1 s");
    }

    [Fact]
    public async Task A_429_on_editMessageText_is_waited_out_and_the_confirmation_still_replaces_the_card()
    {
        var anna = _s.User(1001, "Анна");
        await OpenConfirmAsync(anna, "2 🟢", "10:00");
        var card = anna.LastMessage.MessageId;
        _s.Api.Fail("editMessageText", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        var mark = _s.Api.Calls.Count;

        await anna.PressAsync("✅ Подтвердить");

        Assert.Equal(card, anna.LastMessage.MessageId);
        Assert.Contains("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal);
        var edits = CallsSince(mark, "editMessageText");
        Assert.Equal(2, edits.Count);
        Assert.True(edits[1].Received - edits[0].Received >= TimeSpan.FromSeconds(1),
            $"the retry came {edits[1].Received - edits[0].Received} after the 429 that asked for 1 s");
        Assert.Single(await _s.BookingsAsync());
    }

    [Fact]
    public async Task Flood_control_that_outlasts_the_retries_ends_in_an_apology_after_one_policys_attempts()
    {
        // Telegram.Bot's own 429 loop would add rounds of its own on top (and get the reply through); it is off.
        var anna = _s.User(1001, "Анна");
        _s.Api.Fail("sendMessage", 429, "Too Many Requests: retry after 0", times: 1 + BotHost.TelegramRetries, retryAfter: 0);
        var mark = _s.Api.Calls.Count;

        await anna.SendTextAsync("/help");

        Assert.Equal(2 + BotHost.TelegramRetries, CallsSince(mark, "sendMessage").Count); // the reply's attempts, then the apology
        Assert.Contains("Что-то пошло не так", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_are_retried_and_the_reply_gets_through()
    {
        var anna = _s.User(1001, "Анна");
        _s.Api.Fail("sendMessage", 502, "Bad Gateway", times: BotHost.TelegramRetries);
        var mark = _s.Api.Calls.Count;

        await anna.SendTextAsync("/help");

        Assert.Contains("Вот что я умею", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(1 + BotHost.TelegramRetries, CallsSince(mark, "sendMessage").Count);
        Assert.DoesNotContain(anna.Messages, m => m.Text.Contains("Что-то пошло не так", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_403_marks_the_client_blocked_without_retrying_and_their_booking_stands()
    {
        var anna = _s.User(1001, "Анна");
        await OpenConfirmAsync(anna, "2 🟢", "10:00");
        var before = anna.Messages.Count;
        _s.Api.Fail("editMessageText", 403, "Forbidden: bot was blocked by the user");
        var mark = _s.Api.Calls.Count;

        await anna.PressAsync("✅ Подтвердить");

        Assert.Single(CallsSince(mark, "editMessageText"));
        Assert.True((await ClientAsync(1001)).IsBlocked);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.DoesNotContain("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal); // the one edit never landed
        Assert.Equal(before, anna.Messages.Count);                                             // and nothing else was tried
        Assert.Single(_s.Admin.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
        Assert.Empty(await _s.Host.DbAsync(db => db.Conversations.Where(c => c.ChatId == 1001).ToListAsync()));
    }

    [Fact]
    public async Task Blocking_and_unblocking_the_bot_is_recorded_from_my_chat_member_updates()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/start");
        var before = anna.Messages.Count;

        await _s.Api.WaitProcessedAsync(_s.Api.Enqueue(MembershipChange(1001, ChatMemberStatus.Kicked)));
        Assert.True((await ClientAsync(1001)).IsBlocked);

        await _s.Api.WaitProcessedAsync(_s.Api.Enqueue(MembershipChange(1001, ChatMemberStatus.Member)));
        Assert.False((await ClientAsync(1001)).IsBlocked);
        Assert.Equal(before, anna.Messages.Count);
    }

    [Fact]
    public async Task Message_is_not_modified_is_harmless_not_retried_not_resent_and_not_apologised_for()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        var before = anna.Messages.Count;
        _s.Api.Fail("editMessageText", 400, NotModified);
        var mark = _s.Api.Calls.Count;

        await anna.PressAsync("Массаж");

        Assert.Single(CallsSince(mark, "editMessageText"));
        Assert.Empty(CallsSince(mark, "sendMessage"));
        Assert.Equal(before, anna.Messages.Count);
        Assert.Equal(0, anna.UnansweredCallbacks);
        Assert.False(anna.CallbackAnswers[^1].ShowAlert);
    }

    private static Update MembershipChange(long userId, ChatMemberStatus status)
    {
        var bot = new User { Id = 123456, IsBot = true, FirstName = "Bot" };
        var person = new User { Id = userId, FirstName = "Анна" };
        return new Update
        {
            MyChatMember = new ChatMemberUpdated
            {
                Chat = new Chat { Id = userId, Type = ChatType.Private },
                From = person,
                Date = BotScenario.DefaultNow.UtcDateTime,
                OldChatMember = status == ChatMemberStatus.Kicked ? new ChatMemberMember { User = bot } : new ChatMemberBanned { User = bot },
                NewChatMember = status == ChatMemberStatus.Kicked ? new ChatMemberBanned { User = bot } : new ChatMemberMember { User = bot },
            },
        };
    }

    [Fact]
    public async Task A_getUpdates_conflict_from_another_poller_is_waited_out_and_polling_carries_on()
    {
        var anna = _s.User(1001, "Анна");
        var mark = _s.Api.Calls.Count;
        _s.Api.Fail("getUpdates", 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");

        await anna.SendTextAsync("/start");
        await anna.SendTextAsync("ℹ️ О сервисе");

        Assert.True(CallsSince(mark, "getUpdates").Count >= 2, "the conflicting poll was followed by more polls");
        Assert.Contains("Здравствуйте, Анна", anna.Messages[0].Text, StringComparison.Ordinal);
        Assert.True(anna.Messages.Count >= 2, "the message sent after the conflict was answered too");
    }
}
