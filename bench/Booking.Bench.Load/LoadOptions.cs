using System.Globalization;

namespace Booking.Bench.Load;

public enum LoadMode
{
    /// <summary>The floor (echo) and then the full flow in one process, so their ratio comes from one run.</summary>
    Both = 0,
    Full = 1,
    Floor = 2,

    /// <summary>The full flow with the sliding polling loop and with the old per-batch barrier, alternately.</summary>
    Receivers = 4,

    /// <summary>A broadcast to many clients through the real worker, with flood control injected by the fake server.</summary>
    Broadcast = 3,
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

    /// <summary>Full and floor phases alternate this many times each; medians are printed at the end.</summary>
    public int Runs { get; init; } = 1;

    /// <summary>Users at once when each user books once and leaves (0: all users run for the whole phase).</summary>
    public int Concurrent { get; init; }

    /// <summary>The bot runs as its own process (the Release host), so its memory is measured apart from the harness.</summary>
    public bool BotProcess { get; init; }

    public string? BotDll { get; init; }

    /// <summary>Extra environment for the bot process (KEY=VALUE), e.g. DOTNET_gcServer=1 to compare GC modes.</summary>
    public IReadOnlyList<string> BotEnv { get; init; } = [];

    /// <summary>Time spent in SQL commands and Bot API calls per update (in-process runs only).</summary>
    public bool Profile { get; init; }

    public int Recipients { get; init; } = 10_000;
    public int BroadcastRate { get; init; } = 25;
    public double FloodShare { get; init; } = 0.05;
    public int RetryAfterSeconds { get; init; } = 1;

    public const string Usage = """
        Options:
          --users N          virtual users running the flow at once (default 200)
          --duration S       seconds each measured phase runs (default 20)
          --warmup S         seconds of unmeasured load before each phase (default 3)
          --mode M           both | full | floor | receivers | broadcast (default both: floor, then full flow, in one run;
                             receivers: the full flow with the sliding polling loop, then with the old per-batch barrier)
          --db SPEC          sqlite (a temporary file), sqlite:PATH, postgres (the server in TEST_POSTGRES),
                             postgres:CONNECTION or a postgres:// URL: a database of its own there (default sqlite)
          --bookings N       bookings already in the database: years of past visits plus the coming months (default 20000)
          --future-fill F    share of the coming 120 days' hours already booked, 0..1 (default 0.3)
          --seed N           random seed of the users' choices (default 1)
          --think MS         mean pause of a user between steps, 0.5–1.5× at random (default 0: as fast as the bot answers)
          --runs N           floor and full flow alternately N times each in one invocation; prints medians (default 1)
          --concurrent C     each of --users books once and leaves, C of them at a time (default 0: all users, whole phase)
          --bot-process      run the bot as its own process (the Release BookingBot.dll) and measure its memory alone
          --bot-dll PATH     the host to start (default: src/Booking.Web/bin/Release/net10.0/BookingBot.dll of this checkout)
          --bot-env K=V      extra environment for the bot process (repeatable), e.g. DOTNET_gcServer=1
          --profile          time in SQL commands and Bot API calls per update (in-process only)
          --preset NAME      10k-users: 10,000 users (200 at a time, each books once), 100,000 bookings, bot process
          Broadcast (--mode broadcast):
          --recipients N     clients the broadcast goes to (default 10000)
          --rate R           messages per second the bot is configured for (default 25; above 30 only in a benchmark)
          --flood-share F    share of sendMessage calls the fake server answers 429 (default 0.05)
          --retry-after S    retry_after of those 429s, seconds (default 1)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--bot-process" or "--profile")
            {
                options = Flag(options, args[i]);
                continue;
            }

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
                "--runs" => options with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrent" => options with { Concurrent = int.Parse(value, CultureInfo.InvariantCulture) },
                "--bot-dll" => options with { BotDll = value, BotProcess = true },
                "--bot-env" => options with { BotEnv = [.. options.BotEnv, value], BotProcess = true },
                "--recipients" => options with { Recipients = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rate" => options with { BroadcastRate = int.Parse(value, CultureInfo.InvariantCulture) },
                "--flood-share" => options with { FloodShare = double.Parse(value, CultureInfo.InvariantCulture) },
                "--retry-after" => options with { RetryAfterSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--preset" => Preset(options, value),
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
            i++;
        }

        if (options.Users < 1 || options.Duration <= TimeSpan.Zero || options.Duration > TimeSpan.FromMinutes(20) || options.Runs < 1)
        {
            throw new ArgumentException($"--users and --runs must be ≥ 1 and --duration between 0 and 1200 s.\n{Usage}");
        }

        if (options.BotProcess && options.Mode is not (LoadMode.Full or LoadMode.Floor or LoadMode.Both))
        {
            throw new ArgumentException($"--bot-process runs the host from its build, so --mode full, floor or both.\n{Usage}");
        }

        return options;
    }

    private static LoadOptions Flag(LoadOptions options, string flag) =>
        flag == "--profile" ? options with { Profile = true } : options with { BotProcess = true };

    private static LoadOptions Preset(LoadOptions options, string name) => name switch
    {
        "10k-users" => options with
        {
            Users = 10_000, Concurrent = 200, HistoryBookings = 100_000, Mode = LoadMode.Full, BotProcess = true,
            Duration = TimeSpan.FromMinutes(20), Warmup = TimeSpan.FromSeconds(3),
        },
        _ => throw new ArgumentException($"Unknown preset {name}.\n{Usage}"),
    };
}
