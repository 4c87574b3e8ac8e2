namespace Booking.Faults.Scenarios;

/// <summary>4: Redis stopped and started under load. Waits for REDIS_URL support in the host.</summary>
public sealed class RedisOutage : IScenario
{
    public int Number => 4;
    public string Name => "redis-outage";
    public string Title => "Redis stopped and started under load";

    public Task RunAsync(FaultOptions options, Report report, CancellationToken ct)
    {
        report.Skip("needs REDIS_URL support");
        return Task.CompletedTask;
    }
}
