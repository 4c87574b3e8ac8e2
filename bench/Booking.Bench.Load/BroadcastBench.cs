using System.Diagnostics;
using Booking.Bench.Shared;
using Booking.Bot;
using Booking.Bot.Broadcasts;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Broadcasts;
using Booking.Web;

namespace Booking.Bench.Load;

public sealed record BroadcastResult(
    int Recipients, int Rate, double Seconds, int Reached, int Lost, int Duplicated, int ExtraCopies, long Floods, int SystemicPauses,
    BroadcastOutcomes.Progress? Progress)
{
    /// <summary>The share of the configured rate the benchmark's target asks for.</summary>
    public const double Target = 0.95;

    public double Achieved => Reached / Math.Max(0.001, Seconds);

    public double ShareOfRate => Achieved / Rate;

    /// <summary>Recipients not reached whose copy was still queued when the harness stopped waiting (not lost by the bot).</summary>
    public int StillQueued => Progress is { } p ? Math.Min(Lost, p.Total - p.Done) : 0;

    public bool MeetsTarget => ShareOfRate >= Target && Lost == 0 && Duplicated == 0;
}

/// <summary>
/// A broadcast (A7) through the real host and its BroadcastWorker on the real clock: N clients seeded in bulk, one
/// broadcast to all of them, the fake server answering a share of sendMessage calls with 429 and retry_after. Lost
/// and duplicated copies are counted from what the fake server delivered to each recipient's chat.
/// </summary>
public static class BroadcastBench
{
    /// <summary>Recipients' ids start here, clear of the admin's id (admins never receive broadcasts).</summary>
    public const long FirstRecipientId = 10_000_001;

    public static async Task<BroadcastResult> RunAsync(LoadOptions options, IBenchDatabase database)
    {
        await database.ResetAsync(CancellationToken.None);
        await using var api = await LoopbackBotApi.StartAsync();
        var (app, errors) = BotApp.Build([], builder =>
        {
            LoadPhase.Configure(builder, api, database, floor: false);

            // BROADCAST_RATE stops at Telegram's 30/s; a benchmark may go faster to finish sooner, so the rate is set
            // on the finished service list instead of through the validated setting.
            builder.Host.UseServiceProviderFactory(new LastWordFactory(services => SetRate(services, options.BroadcastRate)));
        });
        if (app is null)
        {
            throw new InvalidOperationException("The host did not build: " + string.Join("; ", errors));
        }

        try
        {
            await app.StartAsync();
            await api.FirstPoll.WaitAsync(TimeSpan.FromSeconds(60));
            var broadcastId = await CreateAsync(app.Services, options.Recipients);
            api.InjectFloodControl(options.FloodShare, options.RetryAfterSeconds);

            var started = Stopwatch.GetTimestamp();
            app.Services.GetRequiredService<BroadcastWorker>().Wake();
            var budget = TimeSpan.FromSeconds(options.Recipients * 3.0 / options.BroadcastRate + 60);
            var progress = await WaitFinishedAsync(app.Services, api, broadcastId, options.Recipients, budget);
            var seconds = LoadStats.Milliseconds(api.LastDelivery - started) / 1000;

            // Anything sent twice would arrive soon after; give it a moment before counting.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var copies = Enumerable.Range(0, options.Recipients).Select(i => api.Deliveries.GetValueOrDefault(FirstRecipientId + i)).ToList();
            return new BroadcastResult(
                options.Recipients, options.BroadcastRate, seconds, copies.Count(c => c > 0), copies.Count(c => c == 0), copies.Count(c => c > 1),
                copies.Sum(c => Math.Max(0, c - 1)), api.Floods, app.Services.GetRequiredService<BroadcastPacer>().SystemicPauses, progress);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<int> CreateAsync(IServiceProvider services, int recipients)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        await BenchData.SeedClientsAsync(db, FirstRecipientId, recipients, TimeProvider.System.GetUtcNow().UtcDateTime, CancellationToken.None);
        var created = await scope.ServiceProvider.GetRequiredService<CreateBroadcast.Handler>().HandleAsync(
            new CreateBroadcast.Request(LoadPhase.AdminId, "📣 Скидка 10 % на всё до конца месяца!", Audience.All, null), CancellationToken.None);
        if (created.Outcome != CreateBroadcast.Outcome.Created || created.Recipients != recipients)
        {
            throw new InvalidOperationException($"The broadcast was not created for {recipients} clients: {created}.");
        }

        return created.BroadcastId;
    }

    private static async Task<BroadcastOutcomes.Progress?> WaitFinishedAsync(
        IServiceProvider services, LoopbackBotApi api, int broadcastId, int recipients, TimeSpan budget)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        var lastShown = Stopwatch.GetTimestamp();
        while (true)
        {
            await Task.Delay(500);
            await using var scope = services.CreateAsyncScope();
            var progress = await scope.ServiceProvider.GetRequiredService<BroadcastOutcomes>().ProgressAsync(broadcastId, CancellationToken.None);
            if (progress is { } p && p.Done >= p.Total || Stopwatch.GetTimestamp() > deadline)
            {
                return progress;
            }

            if (Stopwatch.GetElapsedTime(lastShown) > TimeSpan.FromSeconds(10))
            {
                lastShown = Stopwatch.GetTimestamp();
                Console.WriteLine($"  … {api.Deliveries.Count} of {recipients} reached, {api.Floods} floods so far");
            }
        }
    }

    private static void SetRate(IServiceCollection services, int rate)
    {
        var registration = services.Single(d => d.ServiceType == typeof(BotOptions));
        var o = (BotOptions)registration.ImplementationInstance!;
        services.Remove(registration);
        services.AddSingleton(new BotOptions
        {
            Token = o.Token, AdminIds = o.AdminIds, ApiUrl = o.ApiUrl, PollTimeoutSeconds = o.PollTimeoutSeconds, Retry = o.Retry,
            RateLimit = o.RateLimit, Webhook = o.Webhook, Broadcast = new BroadcastOptions { MessagesPerSecond = rate },
        });
    }

    /// <summary>Lets the benchmark change a registration after the host has added all of its own.</summary>
    internal sealed class LastWordFactory(Action<IServiceCollection> change) : IServiceProviderFactory<IServiceCollection>
    {
        private readonly DefaultServiceProviderFactory _inner = new();

        public IServiceCollection CreateBuilder(IServiceCollection services)
        {
            change(services);
            return _inner.CreateBuilder(services);
        }

        public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => _inner.CreateServiceProvider(containerBuilder);
    }
}
