using System.Globalization;

namespace Booking.Faults;

/// <summary>
/// Command line: <c>&lt;scenario|all&gt; [--seed N] [--count N] [--duration S]</c>. Count and duration are per scenario
/// (kills, updates, seconds…); each scenario says what it used.
/// </summary>
public sealed record FaultOptions
{
    public required string Scenario { get; init; }
    public int Seed { get; init; } = 1;
    public int? Count { get; init; }
    public int? DurationSeconds { get; init; }

    public static FaultOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            error = "Name a scenario (1–8, its name, or all).";
            return null;
        }

        var options = new FaultOptions { Scenario = args[0] };
        for (var i = 1; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                error = $"{args[i]} needs a whole number after it.";
                return null;
            }

            switch (args[i])
            {
                case "--seed":
                    options = options with { Seed = value };
                    break;
                case "--count":
                    options = options with { Count = value };
                    break;
                case "--duration":
                    options = options with { DurationSeconds = value };
                    break;
                default:
                    error = $"Unknown option {args[i]}.";
                    return null;
            }
        }

        return options;
    }
}
