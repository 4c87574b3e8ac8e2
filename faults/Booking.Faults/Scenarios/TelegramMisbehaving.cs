using System.Text.Json;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;

namespace Booking.Faults.Scenarios;

/// <summary>
/// 7: the fake Bot API answers 10% of calls with a 429 (retry_after 1–3 s), a 500, a timeout or a dropped connection,
/// for --duration seconds (60 by default), while clients book and cancel. No user action may be lost, and after a 429
/// the bot must not call that method for that chat again before retry_after has passed.
/// </summary>
public sealed class TelegramMisbehaving : IScenario
{
    public const int DefaultSeconds = 60;
    public const double FaultRate = 0.10;

    /// <summary>Calls arriving this soon after a 429 were sent before its answer reached the bot (the box is busy).</summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromMilliseconds(100);

    public int Number => 7;
    public string Name => "flaky-telegram";
    public string Title => "429s, 500s, timeouts and dropped connections";

    public async Task RunAsync(FaultOptions options, Report report, CancellationToken ct)
    {
        var seconds = options.DurationSeconds ?? DefaultSeconds;
        var users = options.Count ?? 6;
        await using var s = await BotScenario.StartAsync(settings: InProcess.Quiet(new Dictionary<string, string?>
        {
            ["TELEGRAM_RETRIES"] = "5",
            ["TELEGRAM_RETRY_DELAY_MS"] = "200",
            ["TELEGRAM_TIMEOUT_SECONDS"] = "2",
            ["RATE_LIMIT_ACTIONS"] = "1000",
        }));
        s.Api.ProcessTimeout = TimeSpan.FromSeconds(120);
        var rng = new Random(options.Seed);
        var gate = new Lock();
        s.Api.Faults = (_, _) =>
        {
            lock (gate)
            {
                if (rng.NextDouble() >= FaultRate)
                {
                    return null;
                }

                return rng.Next(4) switch
                {
                    0 => new ApiFault(FaultKind.TooManyRequests, RetryAfterSeconds: rng.Next(1, 4)),
                    1 => new ApiFault(FaultKind.ServerError),
                    2 => new ApiFault(FaultKind.Timeout, Hold: TimeSpan.FromSeconds(4)),
                    _ => new ApiFault(FaultKind.Drop),
                };
            }
        };
        report.Say($"{users} clients book and cancel for {seconds} s; {FaultRate:P0} of Bot API calls fail (seed {options.Seed}); "
            + "TELEGRAM_RETRIES=5, TELEGRAM_TIMEOUT_SECONDS=2");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        var clients = Enumerable.Range(0, users).Select(i => new Client(s.User(5000 + i, "Клиент" + i), i)).ToList();
        await Task.WhenAll(clients.Select(c => c.RunAsync(stop.Token)));
        s.Api.Faults = null;
        var floodEarly = await FloodOnTheAdminChatAsync(report);

        await CheckAsync(s, clients, report);
        report.Check("a 429 on the admin chat holds the other chats' notices to it", floodEarly.Count == 0,
            floodEarly.Count == 0 ? "none sooner than retry_after" : string.Join("; ", floodEarly));
    }

    /// <summary>
    /// The admin's chat under flood control, by webhook so that chats really run side by side: the admin notice of a
    /// first booking is answered 429 (retry after 3 s); once the bot has that answer, three more clients confirm, and
    /// their notices to the admin must wait out the 3 s too.
    /// </summary>
    private static async Task<List<string>> FloodOnTheAdminChatAsync(Report report)
    {
        await using var s = await InProcess.StartAsync(webhook: true);
        var users = Enumerable.Range(0, 4).Select(i => s.User(5100 + i, "Гость" + i)).ToList();
        for (var i = 0; i < users.Count; i++)
        {
            await InProcess.OpenConfirmAsync(users[i], "10 🟢", $"{10 + i}:00");
        }

        var floods = 0;
        s.Api.Faults = (method, chat) => method == "sendMessage" && chat == BotScenario.AdminId && Interlocked.Exchange(ref floods, 1) == 0
            ? new ApiFault(FaultKind.TooManyRequests, RetryAfterSeconds: 3)
            : null;
        var first = users[0].PressAsync("✅ Подтвердить");
        await CrashLab.WaitUntilAsync(() => s.Api.InjectedFaults.Count > 0, TimeSpan.FromSeconds(30), "the 429 to the admin chat", CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(200), TimeProvider.System);
        await Task.WhenAll(users.Skip(1).Select(u => u.PressAsync("✅ Подтвердить")).Append(first));
        s.Api.Faults = null;

        var flood = s.Api.InjectedFaults.Single();
        var adminCalls = s.Api.Calls.Where(c => c.Method == "sendMessage" && TargetOf(c) == "chat " + BotScenario.AdminId && c.Received > flood.Received).ToList();
        var early = adminCalls.Where(c => c.Received - flood.Received < TimeSpan.FromSeconds(3))
            .Select(c => $"sendMessage to the admin {(c.Received - flood.Received).TotalMilliseconds:0} ms after the 429").ToList();
        report.Say($"flood on the admin chat (webhook): 429 retry_after 3 s on a booking notice, then 3 more bookings; "
            + $"the admin's next {adminCalls.Count} messages came {string.Join(", ", adminCalls.Select(c => $"{(c.Received - flood.Received).TotalSeconds:0.00} s"))} after it");
        return early;
    }

    private static async Task CheckAsync(BotScenario s, List<Client> clients, Report report)
    {
        var faults = s.Api.InjectedFaults;
        report.Say($"{s.Api.Calls.Count} Bot API calls, {faults.Count} failed on purpose: "
            + string.Join(", ", faults.GroupBy(f => f.Fault.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        var ids = clients.Select(c => c.User.Id).ToHashSet();
        var bookings = (await s.BookingsAsync()).Where(b => ids.Contains(b.ClientId)).ToList();
        var confirms = clients.Sum(c => c.Confirms);
        var booked = bookings.Count;
        var told = clients.Sum(c => InProcess.Count(c.User, "Вы записаны"));
        var cancelled = bookings.Count(b => b.Status == BookingStatus.Cancelled);
        var toldCancelled = clients.Sum(c => c.CancelsTold);
        report.Say($"{confirms} confirm taps → {booked} bookings, {told} told; {clients.Sum(c => c.Cancels)} cancel taps → {cancelled} cancelled, {toldCancelled} told; "
            + $"{clients.Sum(c => c.Broken)} flows broken (a screen never came)");
        report.Check("every confirm tap booked and told", confirms > 0 && booked == confirms && told == confirms, $"taps={confirms}, bookings={booked}, told={told}");
        report.Check("every cancel tap applied and told", cancelled == clients.Sum(c => c.Cancels) && toldCancelled == cancelled,
            $"taps={clients.Sum(c => c.Cancels)}, cancelled={cancelled}, told={toldCancelled}");
        report.Check("no flow broken by a failed call", clients.Sum(c => c.Broken) == 0, $"broken={clients.Sum(c => c.Broken)}");
        var unanswered = clients.Sum(c => c.User.UnansweredCallbacks);
        report.Check("every callback answered", unanswered == 0, $"unanswered={unanswered}");

        var (checkedCount, early) = RetryAfterRespected(s.Api.Calls, faults);
        report.Check("retry_after respected per method and chat", early.Count == 0,
            $"{checkedCount} 429s followed up; too early: {early.Count}" + (early.Count > 0 ? " e.g. " + early[0] : ""));
    }

    /// <summary>After a 429 for (method, chat), the next call of that method for that chat comes no sooner than retry_after.</summary>
    private static (int Checked, List<string> Early) RetryAfterRespected(IReadOnlyList<RecordedCall> calls, IReadOnlyList<InjectedFault> faults)
    {
        var early = new List<string>();
        var followed = 0;
        foreach (var f in faults.Where(f => f.Fault.Kind == FaultKind.TooManyRequests))
        {
            var faulted = calls.First(c => c.Received == f.Received && c.Method == f.Method);
            var next = calls.FirstOrDefault(c => c.Received > f.Received && c.Method == f.Method && TargetOf(c) == TargetOf(faulted));
            if (next is null)
            {
                continue;
            }

            followed++;
            var gap = next.Received - f.Received;

            // A call that arrives within InFlight of the 429 was already on its way before the bot could know of it.
            if (gap > InFlight && gap < TimeSpan.FromSeconds(f.Fault.RetryAfterSeconds))
            {
                early.Add($"{f.Method} {TargetOf(faulted)}: retry_after {f.Fault.RetryAfterSeconds} s, next call after {gap.TotalMilliseconds:0} ms");
            }
        }

        return (followed, early);
    }

    /// <summary>The chat a call is for; for calls without one (answerCallbackQuery), the query it answers.</summary>
    private static string? TargetOf(RecordedCall call)
    {
        try
        {
            using var body = JsonDocument.Parse(call.Body);
            var root = body.RootElement;
            return root.ValueKind != JsonValueKind.Object ? null
                : root.TryGetProperty("chat_id", out var id) ? "chat " + id.GetRawText()
                : root.TryGetProperty("callback_query_id", out var query) ? "query " + query.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One client: books a slot of their own, then cancels it, again and again.</summary>
    private sealed class Client(FakeUser user, int index)
    {
        public FakeUser User => user;
        public int Confirms { get; private set; }
        public int Cancels { get; private set; }
        public int CancelsTold { get; private set; }
        public int Broken { get; private set; }

        public async Task RunAsync(CancellationToken stop)
        {
            // Each client keeps to its own hour, so no two clients compete for a slot.
            var time = $"{10 + index}:00";
            var days = new[] { "3", "4", "5", "6", "7", "8", "9" };
            var round = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await InProcess.OpenConfirmAsync(user, days[round++ % days.Length] + " 🟢", time);
                    Confirms++;
                    await user.PressAsync("✅ Подтвердить");
                    await user.SendTextAsync("/my");
                    await user.PressAsync("❌ Отменить #1");
                    Cancels++;
                    var before = InProcess.Count(user, "отменена");
                    await user.PressAsync("✅ Да, отменить");
                    CancelsTold += InProcess.Count(user, "отменена") > before ? 1 : 0;
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    Broken++;
                }
            }
        }
    }
}
