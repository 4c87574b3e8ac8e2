using System.Diagnostics;
using System.Runtime.CompilerServices;
using Booking.Bot.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Booking.Bench.Load;

/// <summary>Where the handled updates spent their time, summed over the measured window.</summary>
public sealed record TimeProfile(
    long Updates, double HandlerMs, long Commands, double CommandMs, long Commits, double CommitMs, long Opens, double OpenMs,
    long BotApiCalls, double BotApiMs, IReadOnlyList<(string Sql, long Count, double Ms)> Statements)
{
    public string Describe()
    {
        var n = Math.Max(1, Updates);
        var other = HandlerMs - CommandMs - CommitMs - OpenMs - BotApiMs;
        return string.Join('\n',
            $"per update (mean of {Updates}): handler {HandlerMs / n:0.00} ms = "
                + $"SQL {CommandMs / n:0.00} ms ({(double)Commands / n:0.0} commands) + commit {CommitMs / n:0.00} ms ({(double)Commits / n:0.00}) "
                + $"+ connection open {OpenMs / n:0.00} ms ({(double)Opens / n:0.0}) + Bot API {BotApiMs / n:0.00} ms ({(double)BotApiCalls / n:0.0} calls) "
                + $"+ the rest {other / n:0.00} ms",
            $"shares of handler time: SQL {Share(CommandMs)}, commit {Share(CommitMs)}, open {Share(OpenMs)}, Bot API {Share(BotApiMs)}, "
                + $"the rest (routing, rendering, JSON, EF materialisation, waiting for locks and threads) {Share(other)}",
            "statements, most frequent first (per update, mean ms, text):",
            string.Join('\n', Statements.Take(25).Select(s => $"  {(double)s.Count / n,6:0.00}  {s.Ms / Math.Max(1, s.Count),6:0.000}  {s.Sql}")));
    }

    private string Share(double ms) => HandlerMs <= 0 ? "-" : (ms / HandlerMs).ToString("P0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Listens, in the harness's own process, to EF Core's diagnostic events (each command, commit and connection open
/// with its duration) and to HttpClient's activities (each Bot API call but the long polls), and reads the
/// pipeline's handler-duration histogram, so a run can say where an update's time goes without a profiler.
/// </summary>
public sealed class Profiler : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ActivityListener _http;
    private long _commands, _commandTicks, _commits, _commitTicks, _opens, _openTicks, _calls, _callTicks;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StrongBox<(long Count, long Ticks)>> _statements = new();
    private (long Count, double Sum) _handlerAtStart;
    private bool _on;

    private Profiler()
    {
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        _http = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = OnHttpStopped,
        };
        ActivitySource.AddActivityListener(_http);
    }

    public static Profiler Attach() => new();

    public void Start()
    {
        _handlerAtStart = Handler();
        (_commands, _commandTicks, _commits, _commitTicks, _opens, _openTicks, _calls, _callTicks) = (0, 0, 0, 0, 0, 0, 0, 0);
        _statements.Clear();
        Volatile.Write(ref _on, true);
    }

    public TimeProfile Stop()
    {
        Volatile.Write(ref _on, false);
        var (count, sum) = Handler();
        return new TimeProfile(
            count - _handlerAtStart.Count, (sum - _handlerAtStart.Sum) * 1000, _commands, Ms(_commandTicks), _commits, Ms(_commitTicks),
            _opens, Ms(_openTicks), _calls, Ms(_callTicks),
            [.. _statements.Select(p => (p.Key, p.Value.Value.Count, Ms(p.Value.Value.Ticks))).OrderByDescending(s => s.Count)]);
    }

    public void Dispose()
    {
        _subscriptions.ForEach(s => s.Dispose());
        _http.Dispose();
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (!Volatile.Read(ref _on))
        {
            return;
        }

        switch (value.Value)
        {
            case CommandExecutedEventData e:
                Add(ref _commands, ref _commandTicks, e.Duration);
                var box = _statements.GetOrAdd(Shorten(e.Command.CommandText), _ => new StrongBox<(long, long)>());
                lock (box)
                {
                    box.Value = (box.Value.Count + 1, box.Value.Ticks + e.Duration.Ticks);
                }

                break;
            case TransactionEndEventData e when value.Key == RelationalEventId.TransactionCommitted.Name:
                Add(ref _commits, ref _commitTicks, e.Duration);
                break;
            case ConnectionEndEventData e when value.Key == RelationalEventId.ConnectionOpened.Name:
                Add(ref _opens, ref _openTicks, e.Duration);
                break;
        }
    }

    private void OnHttpStopped(Activity activity)
    {
        var url = activity.GetTagItem("url.full") as string ?? "";
        if (Volatile.Read(ref _on) && !url.EndsWith("/getUpdates", StringComparison.Ordinal))
        {
            Add(ref _calls, ref _callTicks, activity.Duration);
        }
    }

    private static void Add(ref long count, ref long ticks, TimeSpan duration)
    {
        Interlocked.Increment(ref count);
        Interlocked.Add(ref ticks, duration.Ticks);
    }

    private static string Shorten(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 160 ? flat : flat[..160];
    }

    private static double Ms(long ticks) => TimeSpan.FromTicks(ticks).TotalMilliseconds;

    private static (long Count, double Sum) Handler()
    {
        long count = 0;
        double sum = 0;
        foreach (var type in (string[])["message", "callback_query"])
        {
            var child = BotMetrics.HandlerDuration.WithLabels(type);
            count += child.Count;
            sum += child.Sum;
        }

        return (count, sum);
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
