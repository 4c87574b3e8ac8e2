using System.Globalization;

namespace Booking.Faults;

public enum Verdict
{
    Pass = 0,
    Fail = 1,
    Skip = 2,
}

/// <summary>What one scenario did and found: narration lines and named checks with their figures.</summary>
public sealed class Report(string scenario, TextWriter output)
{
    private readonly Lock _gate = new();
    private readonly List<(string Name, bool Ok, string Figures)> _checks = [];
    private string? _skipped;

    public string Scenario { get; } = scenario;

    public IReadOnlyList<(string Name, bool Ok, string Figures)> Checks
    {
        get
        {
            lock (_gate)
            {
                return _checks.ToList();
            }
        }
    }

    public Verdict Verdict => _skipped is not null ? Verdict.Skip
        : Checks.Count > 0 && Checks.All(c => c.Ok) ? Verdict.Pass
        : Verdict.Fail;

    public void Say(string line)
    {
        lock (_gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{Scenario}] {line}"));
        }
    }

    public bool Check(string name, bool ok, string figures)
    {
        lock (_gate)
        {
            _checks.Add((name, ok, figures));
            output.WriteLine($"  [{Scenario}] {(ok ? "ok  " : "FAIL")} {name}: {figures}");
        }

        return ok;
    }

    public void Skip(string reason)
    {
        _skipped = reason;
        Say("SKIP: " + reason);
    }

    public string Summary() => Verdict switch
    {
        Verdict.Skip => $"SKIP {Scenario}: {_skipped}",
        Verdict.Pass => $"PASS {Scenario} ({Checks.Count} checks)",
        _ => $"FAIL {Scenario}: " + string.Join("; ", Checks.Where(c => !c.Ok).Select(c => $"{c.Name} ({c.Figures})")),
    };
}

/// <summary>One runnable fault scenario.</summary>
public interface IScenario
{
    int Number { get; }

    /// <summary>A short name usable on the command line instead of the number.</summary>
    string Name { get; }

    string Title { get; }

    Task RunAsync(FaultOptions options, Report report, CancellationToken ct);
}
