using Booking.Bot.Receiving;
using Booking.Bot.Resilience;
using Booking.Bot.Texts;
using Booking.Core.Features.Broadcasts;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace Booking.Bot.Broadcasts;

/// <summary>
/// One batch of a broadcast: claim the next recipients, send each at its turn, record what happened, then show the
/// admin the progress and, once nothing is left, the final report. A 403 marks the client blocked (in
/// <see cref="Replies"/>) and the copy blocked; a 429 comes back at once (not waited out in the call) and puts that
/// copy back for retry_after without counting it, and the pacer decides whether it holds everyone (ADR 0022); any other
/// 4xx fails the copy; other errors are tried again a few times.
/// </summary>
public sealed class BroadcastSender(
    ClaimBroadcastRecipients.Handler claims, BroadcastOutcomes outcomes, BroadcastPacer pacer, BroadcastProgress progress,
    Replies replies, BotOptions options, ILogger<BroadcastSender> logger)
{
    /// <summary>Returns how many copies were claimed; 0 when there was nothing to send.</summary>
    public async Task<int> SendBatchAsync(CancellationToken ct)
    {
        var batch = await claims.ClaimAsync(options.Broadcast.MessagesPerSecond, ct);
        var started = 0;
        try
        {
            foreach (var item in batch)
            {
                var turn = await pacer.WaitTurnAsync(ct);
                started++;
                await SendOneAsync(item, turn, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The copy in flight may have reached Telegram, so its lease decides; the ones never tried go back now.
            await outcomes.ReleaseAsync(batch.Skip(started).Select(i => i.Id).ToList(), CancellationToken.None);
            throw;
        }

        await progress.ReportAsync(batch.Select(i => i.BroadcastId).Distinct().ToList(), ct);
        return batch.Count;
    }

    private async Task SendOneAsync(ClaimBroadcastRecipients.Claimed item, BroadcastPacer.Turn turn, CancellationToken ct)
    {
        try
        {
            int messageId;
            using (CallerHandlesFloodControl.Begin())
            {
                messageId = await replies.SendAsync(item.ClientId, Texts.Texts.Escape(item.Text), null, ct);
            }

            pacer.Delivered();
            await (messageId == Replies.NoMessage ? outcomes.BlockedAsync(item.Id, ct) : outcomes.SentAsync(item.Id, ct));
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            // The margin keeps the copy from coming back before the flood gate has reopened its chat.
            var wait = TimeSpan.FromSeconds(Math.Max(e.Parameters?.RetryAfter ?? 1, 1)) + TelegramResilience.RetryAfterMargin;
            if (pacer.Refused(turn, wait))
            {
                logger.LogWarning("Flood control refuses the bot as a whole: every broadcast copy waits {Wait}, and the pace drops to {Pace}/s", wait, pacer.Pace);
            }
            else
            {
                logger.LogInformation("Flood control for one chat: copy {Id} is sent after {Wait}, the others go on", item.Id, wait);
            }

            await outcomes.PostponeAsync(item.Id, wait, ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500)
        {
            logger.LogInformation("Telegram refused broadcast copy {Id} to {ClientId}: {Reason}", item.Id, item.ClientId, e.Message);
            await outcomes.FailedAsync(item.Id, e.Message, final: true, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not send broadcast copy {Id} to {ClientId}; it will be retried", item.Id, item.ClientId);
            await outcomes.FailedAsync(item.Id, e.Message, final: false, ct);
        }
    }
}
