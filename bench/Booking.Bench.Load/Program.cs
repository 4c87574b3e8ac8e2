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
var budget = (options.Duration + options.Warmup) * 2 + TimeSpan.FromMinutes(3);
_ = Task.Delay(budget).ContinueWith(_ =>
{
    Console.Error.WriteLine($"The run exceeded its {budget.TotalSeconds:0} s budget; stopping.");
    Environment.Exit(3);
}, TaskScheduler.Default);

var database = BenchDatabases.Parse(options.Database);
Console.WriteLine($"Machine: {Machine.Describe()}");
Console.WriteLine($"Run: {options.Users} users, {options.Duration.TotalSeconds:0} s per phase (+{options.Warmup.TotalSeconds:0} s warm-up), "
    + $"think {options.Think.TotalMilliseconds:0} ms, {database.Kind}, {options.HistoryBookings} bookings already in the database, future fill {options.FutureFill:0.##}");

var results = new List<PhaseResult>();
if (options.Mode is LoadMode.Both or LoadMode.Floor)
{
    results.Add(await LoadPhase.RunAsync(options, floor: true, database));
}

if (options.Mode is LoadMode.Both or LoadMode.Full)
{
    results.Add(await LoadPhase.RunAsync(options, floor: false, database));
}

await database.ResetAsync(CancellationToken.None);
foreach (var r in results)
{
    var s = r.Stats;
    Console.WriteLine();
    Console.WriteLine($"== {r.Name} ==");
    Console.WriteLine(F($"start to ready:      {r.StartToReadyMs:0} ms (build → first getUpdates; fresh database, migrations and seeding included)"));
    Console.WriteLine(F($"seeded:              {r.History.Past} past + {r.History.Future} future bookings, {r.History.Clients} clients"));
    Console.WriteLine(F($"updates:             {r.UpdatesPerSecond:0} updates/s over the {options.Duration.TotalSeconds:0} s window ({s.UpdatesInWindow} in it; {s.Updates} in all, {s.Flows} flows by {r.Users} users, last one done at {r.Seconds:0.0} s)"));
    Console.WriteLine(F($"handler latency:     p50 {r.Latency.P50:0.0} ms, p95 {r.Latency.P95:0.0} ms, p99 {r.Latency.P99:0.0} ms, max {r.Latency.Max:0} ms (handed → last reply)"));
    Console.WriteLine(F($"first reply:         p50 {r.FirstReply.P50:0.0} ms, p95 {r.FirstReply.P95:0.0} ms, p99 {r.FirstReply.P99:0.0} ms"));
    Console.WriteLine(F($"bookings made:       {s.Booked} (in database: {r.BookingsInDatabase})"));
    Console.WriteLine(F($"conflicts refused:   {s.ConflictsRefused} at confirm, {s.SlotTakenOnPick} at slot pick; limit refusals {s.LimitRefused}; no free day {s.NoFreeDay}"));
    Console.WriteLine(F($"double bookings:     {r.DoubleBookings} (SQL self-join of overlapping confirmed bookings)"));
    Console.WriteLine(F($"peak memory:         working set {MemoryPeak.Mb(r.Memory.WorkingSetBytes)}, GC heap {MemoryPeak.Mb(r.Memory.GcHeapBytes)}, GC committed {MemoryPeak.Mb(r.Memory.GcCommittedBytes)}"));
    Console.WriteLine(F($"cpu:                 this process {r.Memory.OwnCpuCores:0.00} cores, other processes {r.Memory.OtherCpuCores:0.00} cores (of {Environment.ProcessorCount}); {r.Memory.OwnCpuCores * r.Seconds * 1000 / Math.Max(1, s.Updates):0.00} ms of CPU per update (bot, fake server and users together)"));
    if (s.TimedOut > 0)
    {
        Console.WriteLine(F($"TIMED OUT steps:     {s.TimedOut}"));
    }
}

if (results.Count == 2)
{
    Console.WriteLine();
    Console.WriteLine(F($"full flow / floor:   {results[1].UpdatesPerSecond / results[0].UpdatesPerSecond:0.00} (updates/s, same run)"));
}

return results.Any(r => r.DoubleBookings > 0 || r.Stats.TimedOut > 0) ? 1 : 0;

static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
