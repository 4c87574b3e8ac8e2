using System.Globalization;
using Booking.Bench.Load;
using Booking.Bench.Shared;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

// A hard stop, so a stuck run can never outlive its budget.
var phases = options.Mode is LoadMode.Both or LoadMode.Receivers ? 2 * options.Runs : options.Runs;
var budget = options.Mode == LoadMode.Broadcast
    ? TimeSpan.FromSeconds(options.Recipients * 3.0 / options.BroadcastRate + 300)
    : ((options.Duration + options.Warmup) * 2 + TimeSpan.FromMinutes(2)) * phases;
_ = Task.Delay(budget).ContinueWith(_ =>
{
    Console.Error.WriteLine($"The run exceeded its {budget.TotalSeconds:0} s budget; stopping.");
    Environment.Exit(3);
}, TaskScheduler.Default);

await using var database = BenchDatabases.Parse(options.Database);
Console.WriteLine($"Machine: {Machine.Describe()}");
if (options.Mode == LoadMode.Broadcast)
{
    Console.WriteLine(F($"Run: broadcast to {options.Recipients} clients at {options.BroadcastRate}/s, {options.FloodShare:P0} of sendMessage answered 429 (retry_after {options.RetryAfterSeconds} s), {database.Kind}"));
    var b = await BroadcastBench.RunAsync(options, database);
    Console.WriteLine();
    Console.WriteLine("== broadcast ==");
    Console.WriteLine(F($"reached:             {b.Reached} of {b.Recipients} recipients in {b.Seconds:0.0} s (wake → last copy)"));
    Console.WriteLine(F($"rate:                {b.Achieved:0.0}/s = {b.ShareOfRate:P1} of the configured {b.Rate}/s"));
    Console.WriteLine(F($"flood control:       {b.Floods} × 429 (retry_after {options.RetryAfterSeconds} s); {b.SystemicPauses} systemic pause(s) of all sending"));
    Console.WriteLine(F($"lost:                {b.Lost} (recipients who never got it{(b.StillQueued > 0 ? $"; {b.StillQueued} still queued when the harness stopped waiting" : "")})"));
    Console.WriteLine(F($"duplicated:          {b.Duplicated} recipients got it more than once ({b.ExtraCopies} extra copies)"));
    Console.WriteLine(F($"database:            {b.Progress?.Sent} sent, {b.Progress?.Blocked} blocked, {b.Progress?.Failed} failed of {b.Progress?.Total}"));
    Console.WriteLine(F($"target:              ≥ {BroadcastResult.Target:P0} of the rate, 0 lost, 0 duplicated: {(b.MeetsTarget ? "met" : "missed")}"));
    return b.Lost > 0 || b.Duplicated > 0 ? 1 : 0;
}

Console.WriteLine($"Run: {options.Users} users{(options.Concurrent > 0 ? $" ({options.Concurrent} at a time, one booking each)" : "")}, "
    + $"{options.Duration.TotalSeconds:0} s per phase (+{options.Warmup.TotalSeconds:0} s warm-up), "
    + $"think {options.Think.TotalMilliseconds:0} ms, {database.Kind}, {options.HistoryBookings} bookings already in the database, "
    + $"future fill {options.FutureFill:0.##}{(options.BotProcess ? $", bot in its own process ({BotProcess.DeployedArenaVariable}={BotProcess.DeployedArenaValue} as deployed{(options.BotEnv.Count > 0 ? ", then " + string.Join(' ', options.BotEnv) : "")})" : "")}, {options.Runs} run(s)");

var floors = new List<PhaseResult>();
var fulls = new List<PhaseResult>();
var barriers = new List<PhaseResult>();
for (var run = 1; run <= options.Runs; run++)
{
    if (options.Mode == LoadMode.Receivers)
    {
        // Alternate which goes first: the second phase of a process runs on code the first one already compiled.
        foreach (var barrier in run % 2 == 1 ? [false, true] : (bool[])[true, false])
        {
            var result = await LoadPhase.RunAsync(options, floor: false, database, barrier);
            (barrier ? barriers : fulls).Add(result);
            Print(result, run);
        }

        Console.WriteLine(F($"sliding / barrier:   {fulls[^1].UpdatesPerSecond / barriers[^1].UpdatesPerSecond:0.00} (updates/s); p99 sent → last reply {fulls[^1].UserSeen.P99:0.0} vs {barriers[^1].UserSeen.P99:0.0} ms, handed → last reply {fulls[^1].Latency.P99:0.0} vs {barriers[^1].Latency.P99:0.0} ms (run {run})"));
        continue;
    }

    if (options.Mode is LoadMode.Both or LoadMode.Floor)
    {
        floors.Add(await LoadPhase.RunAsync(options, floor: true, database));
        Print(floors[^1], run);
    }

    if (options.Mode is LoadMode.Both or LoadMode.Full)
    {
        fulls.Add(await LoadPhase.RunAsync(options, floor: false, database));
        Print(fulls[^1], run);
    }

    if (options.Mode == LoadMode.Both)
    {
        Console.WriteLine(F($"full flow / floor:   {fulls[^1].UpdatesPerSecond / floors[^1].UpdatesPerSecond:0.00} (updates/s, run {run})"));
    }
}

if (options.Runs > 1)
{
    Console.WriteLine();
    Console.WriteLine($"== medians of {options.Runs} runs ==");
    Medians("floor (echo)", floors);
    Medians("full flow", fulls);
    Medians("barrier (before)", barriers);
    if (options.Mode == LoadMode.Receivers)
    {
        var ratios = fulls.Zip(barriers, (f, b) => f.UpdatesPerSecond / b.UpdatesPerSecond).ToList();
        Console.WriteLine(F($"sliding / barrier:   median {Median(ratios):0.00} (runs: {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})"));
    }
    if (options.Mode == LoadMode.Both)
    {
        var ratios = fulls.Zip(floors, (f, l) => f.UpdatesPerSecond / l.UpdatesPerSecond).ToList();
        Console.WriteLine(F($"full flow / floor:   median {Median(ratios):0.00} (runs: {string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))})"));
    }
}

var all = floors.Concat(fulls).Concat(barriers).ToList();
return all.Any(r => r.DoubleBookings > 0 || r.Stats.TimedOut > 0) ? 1 : 0;

static void Print(PhaseResult r, int run)
{
    var s = r.Stats;
    Console.WriteLine();
    Console.WriteLine($"== {r.Name}, run {run} ==");
    Console.WriteLine(F($"start to ready:      {r.StartToReadyMs:0} ms (start → first getUpdates; migrations and seeding included in-process)"));
    Console.WriteLine(F($"seeded:              {r.History.Past} past + {r.History.Future} future bookings, {r.History.Clients} clients"));
    Console.WriteLine(F($"updates:             {r.UpdatesPerSecond:0} updates/s in the window ({s.UpdatesInWindow} in it; {s.Updates} in all, {s.Flows} flows by {r.Users} users, last one done at {r.Seconds:0.0} s)"));
    Console.WriteLine(F($"handler latency:     p50 {r.Latency.P50:0.0} ms, p95 {r.Latency.P95:0.0} ms, p99 {r.Latency.P99:0.0} ms, max {r.Latency.Max:0} ms (handed → last reply)"));
    Console.WriteLine(F($"first reply:         p50 {r.FirstReply.P50:0.0} ms, p95 {r.FirstReply.P95:0.0} ms, p99 {r.FirstReply.P99:0.0} ms"));
    Console.WriteLine(F($"as the user sees it: p50 {r.UserSeen.P50:0.0} ms, p95 {r.UserSeen.P95:0.0} ms, p99 {r.UserSeen.P99:0.0} ms (sent → last reply, including the wait to be fetched)"));
    Console.WriteLine(F($"polling:             {r.Polling.Polls} getUpdates ({(double)s.Updates / Math.Max(1, r.Polling.Polls):0.0} updates handled per poll), {r.Polling.Redelivered} updates delivered again while unconfirmed"));
    Console.WriteLine(F($"bookings made:       {s.Booked} (in database: {r.BookingsInDatabase})"));
    Console.WriteLine(F($"conflicts refused:   {s.ConflictsRefused} at confirm, {s.SlotTakenOnPick} at slot pick; limit refusals {s.LimitRefused}; no free day {s.NoFreeDay}"));
    Console.WriteLine(F($"double bookings:     {r.DoubleBookings} (SQL self-join of overlapping confirmed bookings)"));
    var whose = r.Bot is null ? "whole process (bot, fake server and users)" : "the harness alone (fake server and users)";
    Console.WriteLine(F($"peak memory:         {whose}: working set {MemoryPeak.Mb(r.Memory.WorkingSetBytes)}, GC heap {MemoryPeak.Mb(r.Memory.GcHeapBytes)}, GC committed {MemoryPeak.Mb(r.Memory.GcCommittedBytes)}"));
    if (r.Bot is { } bot)
    {
        Console.WriteLine(F($"bot process memory:  peak RSS (VmHWM) {MemoryPeak.Mb(bot.PeakRssBytes)}, RSS at the end {MemoryPeak.Mb(bot.RssAtEndBytes)}"));
        foreach (var (name, value) in bot.MetricPeaks.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(F($"  peak {name} = {MemoryPeak.Mb((long)value)}"));
        }

        var split = bot.AtPeak;
        Console.WriteLine(F($"  at the largest sample ({MemoryPeak.Mb(split.TotalBytes)}): anonymous {MemoryPeak.Mb(split.AnonymousBytes)} (GC heap, native allocations such as SQLite's, stacks, runtime), JIT code and type data {MemoryPeak.Mb(split.SharedMemoryBytes)}, mapped images {MemoryPeak.Mb(split.FileBytes)} (shared with other .NET processes)"));
        Console.WriteLine("  RSS every 10 s (MB): " + string.Join(' ', bot.RssSeries.Select(b => (b / 1024 / 1024).ToString(CultureInfo.InvariantCulture))));
        Console.WriteLine("  resident at the end, largest mappings: " + string.Join(", ", bot.LargestMappings.Select(m => $"{m.Mapping} {MemoryPeak.Mb(m.RssBytes)}")));
    }

    Console.WriteLine(F($"cpu:                 this process {r.Memory.OwnCpuCores:0.00} cores, other processes {r.Memory.OtherCpuCores:0.00} cores (of {Environment.ProcessorCount}); {r.Memory.OwnCpuCores * r.Seconds * 1000 / Math.Max(1, s.Updates):0.00} ms of this process's CPU per update"));
    if (r.Profile is { } profile)
    {
        Console.WriteLine(profile.Describe());
    }

    if (s.TimedOut > 0)
    {
        Console.WriteLine(F($"TIMED OUT steps:     {s.TimedOut}"));
    }
}

static void Medians(string name, List<PhaseResult> results)
{
    if (results.Count == 0)
    {
        return;
    }

    Console.WriteLine(F($"{name,-20} {Median(results.Select(r => r.UpdatesPerSecond)):0} updates/s (runs: {string.Join(", ", results.Select(r => r.UpdatesPerSecond.ToString("0", CultureInfo.InvariantCulture)))}); ")
        + F($"handed → last reply p50 {Median(results.Select(r => r.Latency.P50)):0.0} / p95 {Median(results.Select(r => r.Latency.P95)):0.0} / p99 {Median(results.Select(r => r.Latency.P99)):0.0} ms; ")
        + F($"sent → last reply p99 {Median(results.Select(r => r.UserSeen.P99)):0.0} ms; ")
        + $"peak working set {MemoryPeak.Mb((long)Median(results.Select(r => (double)r.Memory.WorkingSetBytes)))}"
        + (results[0].Bot is null ? "" : $", bot peak RSS {MemoryPeak.Mb((long)Median(results.Select(r => (double)r.Bot!.PeakRssBytes)))}"));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
