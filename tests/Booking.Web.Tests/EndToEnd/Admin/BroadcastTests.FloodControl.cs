using System.Diagnostics;
using Booking.Bot.Broadcasts;
using Booking.Core.Domain;
using Booking.LocalBotApi;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>
/// ADR 0022 through the fake Bot API: a 429 for one client holds back only that client's copy, while a storm of them
/// holds every send for retry_after. The fake clock stands still unless a test moves it, so "meanwhile" is exact.
/// </summary>
public sealed partial class BroadcastTests
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private static bool IsClient(long? chat) => chat is >= FirstClient and < FirstClient + 1000;

    /// <summary>Moves the fake clock a second at a time (real pauses between) until the owner has the final report.</summary>
    private async Task AdvanceUntilReportAsync(FakeUser owner)
    {
        var watch = Stopwatch.StartNew();
        while (!HasReport(owner))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "Timed out waiting until the owner got the final report");
            _s.Clock.Advance(BroadcastPacer.Window);
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }
    }

    /// <summary>Every client got exactly one copy, every recipient row is sent on its first counted attempt.</summary>
    private async Task AssertEachGotExactlyOneAsync(FakeUser owner, List<FakeUser> clients)
    {
        Assert.All(clients, c => Assert.Equal(Escaped, Assert.Single(c.Messages).Text));
        Assert.Contains($"Доставлено: {clients.Count}", owner.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Не доставлено: 0", owner.LastMessage.Text, StringComparison.Ordinal);
        var rows = await _s.Host.DbAsync(db => db.BroadcastRecipients.Select(r => new { r.Status, r.Attempts }).Distinct().ToListAsync());
        Assert.Equal((RecipientStatus.Sent, 1), (Assert.Single(rows).Status, rows[0].Attempts));
    }

    [Fact]
    public async Task A_429_for_one_client_holds_back_only_that_copy_which_goes_once_after_retry_after_while_the_others_keep_the_pace()
    {
        var clients = await StartWithClientsAsync(20, rate: "10");
        var refusedClient = FirstClient + 2;
        var refusals = 0;
        _s.Api.Faults = (method, chat) => method == "sendMessage" && chat == refusedClient && Interlocked.Increment(ref refusals) == 1
            ? new ApiFault(FaultKind.TooManyRequests, RetryAfterSeconds: 1)
            : null;
        var owner = await ComposeAsync();
        var start = _s.Clock.GetUtcNow();

        await owner.PressAsync("📣 Отправить 20");

        // The refused call gave its turn back: ten copies still reach clients in the first second, the others
        // right after the refusal, within its retry window.
        await WaitForPacedSendsAsync(11);
        var first = SendsToClients();
        var refusedAt = first.FindIndex(c => ChatOf(c) == refusedClient);
        Assert.InRange(refusedAt, 0, 9);
        Assert.All(first, c => Assert.Equal(start, c.At));
        Assert.Equal(10 - refusedAt, first.Skip(refusedAt + 1).Select(ChatOf).Distinct().Count());
        Assert.Empty(clients[2].Messages);
        Assert.Equal(10, clients.Count(c => c.Messages.Count == 1));

        await AdvanceUntilReportAsync(owner);

        var toRefused = SendsToClients().Where(c => ChatOf(c) == refusedClient).ToList();
        Assert.Equal(2, toRefused.Count);
        Assert.True(toRefused[1].At - toRefused[0].At >= RetryAfter, $"the copy went again {(toRefused[1].At - toRefused[0].At).TotalSeconds} s after the 429");
        Assert.Equal(21, SendsToClients().Count);
        Assert.Equal((0, 10), (Pacer.SystemicPauses, Pacer.Pace));
        await AssertEachGotExactlyOneAsync(owner, clients);
    }

    [Fact]
    public async Task A_storm_of_429s_holds_every_send_for_retry_after_then_everyone_gets_exactly_one_copy_at_a_lowered_pace()
    {
        var clients = await StartWithClientsAsync(30, rate: "10");
        var storm = true;
        _s.Api.Faults = (method, chat) => method == "sendMessage" && IsClient(chat) && Volatile.Read(ref storm)
            ? new ApiFault(FaultKind.TooManyRequests, RetryAfterSeconds: 1)
            : null;
        var owner = await ComposeAsync();
        var start = _s.Clock.GetUtcNow();

        await owner.PressAsync("📣 Отправить 30");
        await WaitForPacedSendsAsync(RefusalWindow.SystemicAt);

        // Nothing more goes out while the pause lasts, however long the real time.
        _s.Clock.Advance(RetryAfter / 2);
        await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        Assert.Equal(RefusalWindow.SystemicAt, SendsToClients().Count);
        Assert.True(Pacer.IsWaiting);
        Assert.All(clients, c => Assert.Empty(c.Messages));
        Assert.Equal((1, 8), (Pacer.SystemicPauses, Pacer.Pace));

        Volatile.Write(ref storm, false);
        await AdvanceUntilReportAsync(owner);

        var after = SendsToClients().Skip(RefusalWindow.SystemicAt).ToList();
        Assert.All(after, c => Assert.True(c.At - start >= RetryAfter, $"a copy went {(c.At - start).TotalSeconds} s after the storm began"));
        Assert.True(after.Count(c => c.At == after[0].At) < 10, "the first second after the pause kept the full pace");
        Assert.Equal(30 + RefusalWindow.SystemicAt, SendsToClients().Count);
        Assert.Equal(RefusalWindow.SystemicAt, _s.Api.InjectedFaults.Count);
        await AssertEachGotExactlyOneAsync(owner, clients);
    }
}
