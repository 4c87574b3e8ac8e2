using System.Net;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;

namespace Booking.Faults.Scenarios;

/// <summary>
/// 6: thousands of random and mutated updates by webhook (so that malformed JSON reaches the bot too): random and
/// mutated callback data, admin buttons pressed by clients, wrong JSON types, huge texts, unknown update kinds, edited
/// messages, group and channel messages. The bot must keep serving, change no admin-owned data, answer every callback,
/// never apologise for a failure of its own, and log each refused button once.
/// </summary>
public sealed class GarbageIn : IScenario
{
    public const int DefaultCount = 2000;

    public int Number => 6;
    public string Name => "garbage";
    public string Title => "fuzzed, malformed and hostile updates";

    public async Task RunAsync(FaultOptions options, Report report, CancellationToken ct)
    {
        var count = options.Count ?? DefaultCount;
        await using var s = await InProcess.StartAsync(webhook: true, new Dictionary<string, string?>
        {
            // The rejections under test are logged at information level.
            ["Logging:LogLevel:Booking.Bot.Receiving.UpdateRouter"] = "Information",
            ["RATE_LIMIT_ACTIONS"] = "1000",
        });
        var clients = Enumerable.Range(0, 6).Select(i => s.User(3000 + i, "Гость" + i)).ToList();
        var pool = await HarvestAsync(s, clients[0]);
        report.Say($"harvested {pool.Client.Count} client and {pool.Admin.Count} admin callback data from real screens");

        var before = await AdminTables.SnapshotAsync(s.DatabasePath, ct);
        var fuzzer = new UpdateFuzzer(s.Api, clients, pool, new Random(options.Seed));
        var statuses = new Dictionary<HttpStatusCode, int>();
        var started = TimeProvider.System.GetTimestamp();
        for (var i = 0; i < count && !ct.IsCancellationRequested; i++)
        {
            var status = await s.Api.PostToWebhookAsync(fuzzer.Next(), ct);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        report.Say($"sent {count} fuzzed updates (seed {options.Seed}) in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s: "
            + string.Join(", ", fuzzer.Kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        report.Check("webhook answers are 200 or 400 only", statuses.Keys.All(k => k is HttpStatusCode.OK or HttpStatusCode.BadRequest),
            string.Join(", ", statuses.Select(kv => $"{(int)kv.Key}×{kv.Value}")));

        var after = await AdminTables.SnapshotAsync(s.DatabasePath, ct);
        var changed = AdminTables.Changed(before, after);
        report.Check("admin-owned tables unchanged", changed.Count == 0,
            changed.Count == 0 ? $"{before.Count} tables, {before.Values.Sum(t => t.Count)} rows compared" : "changed: " + string.Join(", ", changed));

        var answered = clients.SelectMany(c => c.CallbackAnswers).Select(a => a.QueryId).ToHashSet();
        var unanswered = fuzzer.WellFormedQueries.Where(q => !answered.Contains(q)).ToList();
        report.Check("every well-formed callback answered", unanswered.Count == 0,
            $"unanswered={unanswered.Count} of {fuzzer.WellFormedQueries.Count}" + (unanswered.Count > 0 ? " e.g. " + fuzzer.Describe(unanswered[0]) : ""));
        var apologies = clients.Sum(c => InProcess.Count(c, "Что-то пошло не так"));
        report.Check("no handler failure reached a user", apologies == 0, $"apologies={apologies}");

        var probe = s.User(3999, "Проба");
        await probe.SendTextAsync("/start");
        report.Check("still serving after the fuzz", InProcess.Count(probe, "Здравствуйте") == 1, $"probe got {probe.Messages.Count} message(s)");

        await s.Host.StopAsync(); // flushes the log file
        var log = LogFile.Read(s.Folder);
        var errors = log.Count(e => e.Level is "Error" or "Fatal");
        report.Check("no error logged", errors == 0, $"errors={errors}" + (errors > 0 ? ": " + log.First(e => e.Level is "Error" or "Fatal").Message : ""));
        CheckRejectionsLoggedOnce(report, fuzzer, log);
    }

    private static void CheckRejectionsLoggedOnce(Report report, UpdateFuzzer fuzzer, IReadOnlyList<LogFile.Entry> log)
    {
        var rejections = log.Where(e => e.Template.StartsWith("Stale or forged callback data", StringComparison.Ordinal)
                || e.Template.StartsWith("Refused admin button", StringComparison.Ordinal))
            .GroupBy(e => (e.Property("UserId") ?? "", e.Property("Data") ?? ""))
            .ToDictionary(g => g.Key, g => g.Count());
        var sent = fuzzer.SentCallbacks.GroupBy(c => (c.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Data))
            .ToDictionary(g => g.Key, g => g.Count());
        var tooMany = rejections.Where(r => r.Value > sent.GetValueOrDefault(r.Key))
            .Select(r => $"'{r.Key.Item2}' from {r.Key.Item1} sent {sent.GetValueOrDefault(r.Key)}, logged {r.Value}").ToList();
        var adminMissing = fuzzer.SentAdminCallbacks
            .GroupBy(c => (c.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Data))
            .Where(g => rejections.GetValueOrDefault(g.Key) != sent[g.Key])
            .Select(g => $"{g.Key.Item2} sent {sent[g.Key]}, logged {rejections.GetValueOrDefault(g.Key)}").ToList();
        report.Check("each refused button logged once", tooMany.Count == 0 && adminMissing.Count == 0 && rejections.Count > 0,
            $"{rejections.Values.Sum()} rejection lines for {fuzzer.Callbacks} callbacks; logged more often than sent: {tooMany.Count}"
            + (tooMany.Count > 0 ? $" ({tooMany[0]})" : "") + "; "
            + $"admin buttons from clients not logged exactly once: {adminMissing.Count}" + (adminMissing.Count > 0 ? " e.g. " + adminMissing[0] : ""));
    }

    /// <summary>Admin-owned rows for the fuzz to (fail to) touch: a moderator, a blocked slot, a closed holiday.</summary>
    private static Task SeedAdminStateAsync(BotScenario s) => s.Host.DbAsync(async db =>
    {
        var now = s.Clock.GetUtcNow().UtcDateTime;
        db.Admins.Add(new Booking.Core.Domain.Admin(3500, Booking.Core.Domain.AdminRole.Moderator, BotScenario.AdminId, now));
        db.Blocks.Add(new Booking.Core.Domain.Block(now.AddDays(5), now.AddDays(5).AddHours(2), "Ремонт", BotScenario.AdminId, now));
        db.SpecialDays.Add(Booking.Core.Domain.SpecialDay.Closed(new DateOnly(2026, 12, 31), "Праздник"));
        await db.SaveChangesAsync();
    });

    /// <summary>Real callback data from real screens: a client's booking wizard and the admin panel two levels deep.</summary>
    private static async Task<(List<string> Client, List<string> Admin)> HarvestAsync(BotScenario s, FakeUser client)
    {
        await SeedAdminStateAsync(s);
        var seen = new HashSet<string>();
        void Collect() => seen.UnionWith(client.Messages.SelectMany(m => m.Buttons).Select(b => b.CallbackData).OfType<string>());
        foreach (var step in new Func<Task>[]
        {
            () => client.SendTextAsync("/book"), () => client.PressAsync("Массаж"), () => client.PressAsync("2 🟢"),
            () => client.PressAsync("10:00"), () => client.PressAsync("✅ Подтвердить"), () => client.SendTextAsync("/my"),
            () => client.PressAsync("🔄 Перенести #1"), () => client.PressAsync("3 🟢"), () => client.SendTextAsync("/my"),
            () => client.PressAsync("❌ Отменить #1"), () => client.SendTextAsync("/cancel"), () => client.SendTextAsync("/language"),
        })
        {
            try
            {
                await step();
            }
            catch (InvalidOperationException)
            {
                // A screen that looks different only means fewer data to mutate.
            }

            Collect();
        }

        var clientData = seen.ToList();

        var admin = s.Admin;
        await admin.SendTextAsync("/admin");
        var panel = admin.LastMessage;
        foreach (var data in panel.Buttons.Select(b => b.CallbackData).OfType<string>().ToList())
        {
            await admin.PressDataAsync(panel.MessageId, data);
            await admin.SendTextAsync("/admin");
            panel = admin.LastMessage;
        }

        var adminData = admin.Messages.SelectMany(m => m.Buttons).Select(b => b.CallbackData).OfType<string>()
            .Where(d => Booking.Bot.Callbacks.Callback.TryParse(d, out var c) && c is Booking.Bot.Callbacks.AdminCallback)
            .Distinct().ToList();
        await admin.SendTextAsync("/cancel");
        return (clientData, adminData);
    }
}
