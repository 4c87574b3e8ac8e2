using Booking.Bot.Receiving;
using Booking.Bot.Texts;
using Booking.Core.Features.Broadcasts;
using Microsoft.Extensions.Logging;

namespace Booking.Bot.Broadcasts;

/// <summary>
/// What the admin sees while a broadcast goes out: one message edited in place at most every
/// <see cref="Interval"/> unless another tenth of the recipients is done, then the final counts in that message and
/// in a new one, so the admin is notified.
/// </summary>
public sealed class BroadcastProgress(BroadcastOutcomes outcomes, BroadcastProgressMemory memory, Replies replies, TextProvider texts, TimeProvider clock, ILogger<BroadcastProgress> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public async Task ReportAsync(IReadOnlyCollection<int> broadcastIds, CancellationToken ct)
    {
        var finished = await outcomes.FinishCompletedAsync(ct);
        foreach (var report in finished)
        {
            memory.Shown.TryRemove(report.BroadcastId, out _);
            Observability.BotMetrics.BroadcastProgress.RemoveLabelled(report.BroadcastId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await FinishAsync(report, ct);
        }

        foreach (var id in broadcastIds.Where(id => finished.All(f => f.BroadcastId != id)))
        {
            var progress = await outcomes.ProgressAsync(id, ct);
            if (progress is { Total: > 0 })
            {
                Observability.BotMetrics.BroadcastProgress.WithLabels(id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Set((double)progress.Done / progress.Total);
            }

            if (progress is { } p && IsDue(p))
            {
                await ShowAsync(p, "broadcast.progress", ct);
            }
        }
    }

    private bool IsDue(BroadcastOutcomes.Progress p)
    {
        var now = clock.GetUtcNow();
        var last = memory.Shown.GetOrAdd(p.BroadcastId, _ => (DateTimeOffset.MinValue, 0));
        if (now - last.At < Interval && (p.Done - last.Done) * 10 < p.Total)
        {
            return false;
        }

        memory.Shown[p.BroadcastId] = (now, p.Done);
        return true;
    }

    private async Task FinishAsync(BroadcastOutcomes.Progress p, CancellationToken ct)
    {
        await ShowAsync(p, "broadcast.finished", ct);
        var t = texts.For(p.Language);
        await replies.SendAsync(p.CreatedBy, Format(t, "broadcast.report", p), null, ct);
        logger.LogInformation("Broadcast {Id} finished: {Sent} sent, {Blocked} blocked, {Failed} failed of {Total}", p.BroadcastId, p.Sent, p.Blocked, p.Failed, p.Total);
    }

    private async Task ShowAsync(BroadcastOutcomes.Progress p, string key, CancellationToken ct)
    {
        if (p.ProgressMessageId is { } messageId)
        {
            await replies.ShowAsync(p.CreatedBy, messageId, Format(texts.For(p.Language), key, p), null, ct);
        }
    }

    private static string Format(Texts.Texts t, string key, BroadcastOutcomes.Progress p) => t.Format(key,
        ("id", p.BroadcastId), ("done", p.Done), ("total", p.Total), ("sent", p.Sent), ("blocked", p.Blocked), ("failed", p.Failed));
}

/// <summary>When each broadcast's progress was last shown, and how far it was then; kept for the process's life.</summary>
public sealed class BroadcastProgressMemory
{
    public System.Collections.Concurrent.ConcurrentDictionary<int, (DateTimeOffset At, int Done)> Shown { get; } = new();
}
