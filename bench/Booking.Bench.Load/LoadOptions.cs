using System.Globalization;

namespace Booking.Bench.Load;

public enum LoadMode
{
    /// <summary>The floor (echo) and then the full flow in one process, so their ratio comes from one run.</summary>
    Both = 0,
    Full = 1,
    Floor = 2,
}

/// <summary>Command-line options of the load harness.</summary>
public sealed record LoadOptions
{
    public int Users { get; init; } = 200;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public LoadMode Mode { get; init; } = LoadMode.Both;
    public string Database { get; init; } = "sqlite";
    public int HistoryBookings { get; init; } = 20_000;
    public double FutureFill { get; init; } = 0.3;
    public int Seed { get; init; } = 1;

    /// <summary>Mean pause of a user between two steps (reading the screen); zero drives the bot as hard as it goes.</summary>
    public TimeSpan Think { get; init; } = TimeSpan.Zero;

    public const string Usage = """
        Options:
          --users N          virtual users running the flow at once (default 200)
          --duration S       seconds each measured phase runs (default 20)
          --warmup S         seconds of unmeasured load before each phase (default 3)
          --mode M           both | full | floor (default both: floor, then full flow, in one run)
          --db SPEC          sqlite (a temporary file) or sqlite:PATH; PostgreSQL later (default sqlite)
          --bookings N       bookings already in the database: years of past visits plus the coming months (default 20000)
          --future-fill F    share of the coming 120 days' hours already booked, 0..1 (default 0.3)
          --seed N           random seed of the users' choices (default 1)
          --think MS         mean pause of a user between steps, 0.5–1.5× at random (default 0: as fast as the bot answers)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--users" => options with { Users = int.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--mode" => options with { Mode = Enum.Parse<LoadMode>(value, ignoreCase: true) },
                "--db" => options with { Database = value },
                "--bookings" => options with { HistoryBookings = int.Parse(value, CultureInfo.InvariantCulture) },
                "--future-fill" => options with { FutureFill = double.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--think" => options with { Think = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
            i++;
        }

        if (options.Users < 1 || options.Duration <= TimeSpan.Zero || options.Duration > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException($"--users must be ≥ 1 and --duration between 0 and 600 s.\n{Usage}");
        }

        return options;
    }
}
