namespace Booking.Faults.Scenarios;

public static class Catalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new KillDuringWrites(),
        new KillDuringReminders(),
        new PostgresRestart(),
        new RedisOutage(),
        new ReplayAndDoubleTap(),
        new GarbageIn(),
        new TelegramMisbehaving(),
        new ClockJumps(),
    ];

    public static IReadOnlyList<IScenario> Select(string which) =>
        which.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? All
            : All.Where(s => s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == which
                || s.Name.Equals(which, StringComparison.OrdinalIgnoreCase)).ToList();
}
