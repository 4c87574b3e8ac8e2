using Booking.Faults;
using Booking.Faults.Scenarios;

var options = FaultOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine("Usage: dotnet run -c Release --project faults/Booking.Faults -- <scenario|all> [--seed N] [--count N] [--duration S]");
    Console.Error.WriteLine("Scenarios: " + string.Join(", ", Catalog.All.Select(s => $"{s.Number} {s.Name}")));
    return 2;
}

var chosen = Catalog.Select(options.Scenario);
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"No scenario '{options.Scenario}'. Scenarios: " + string.Join(", ", Catalog.All.Select(s => $"{s.Number} {s.Name}")));
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var reports = new List<Report>();
foreach (var scenario in chosen)
{
    Console.WriteLine($"== {scenario.Number} {scenario.Name}: {scenario.Title} (seed {options.Seed})");
    var report = new Report($"{scenario.Number}-{scenario.Name}", Console.Out);
    var started = TimeProvider.System.GetTimestamp();
    try
    {
        await scenario.RunAsync(options, report, cancel.Token);
    }
    catch (Exception e) when (!cancel.IsCancellationRequested)
    {
        report.Check("scenario ran to the end", false, e.GetType().Name + ": " + e.Message);
    }

    report.Say($"took {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s");
    Console.WriteLine(report.Summary());
    reports.Add(report);
}

Console.WriteLine();
Console.WriteLine("== Summary");
reports.ForEach(r => Console.WriteLine(r.Summary()));
return reports.Any(r => r.Verdict == Verdict.Fail) ? 1 : 0;
