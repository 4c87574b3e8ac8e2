using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Booking.Bot.Receiving;

/// <summary>
/// The long-polling loop as a sliding window (ADR 0003, ADR 0018): each update received is started at once, and
/// the next poll does not wait for the previous answer to be handled. The offset sent with a poll is the window's —
/// the lowest update still unfinished — so Telegram forgets nothing before it is done. Telegram answers at once while
/// anything unconfirmed is pending, so instead of holding a long poll the loop polls again when half of the updates in
/// flight have finished (the offset has likely moved, and those users may have written again) or after
/// <see cref="Recheck"/> when they are slow.
/// </summary>
public sealed class UpdateReceiver(
    Func<int?, int, CancellationToken, Task<Update[]>> fetch, Func<Update, CancellationToken, Task> handle, int pollTimeoutSeconds, ILogger logger)
{
    /// <summary>How long an update from an idle chat may wait while every update in flight is slow.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(50);

    public UpdateWindow Window { get; } = new();

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var before = Window.Current;
            Update[] updates;
            try
            {
                updates = await fetch(before.Offset, before.InFlight > 0 ? 0 : pollTimeoutSeconds, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException e) when (e.ErrorCode == PollingWorker.ConflictStatus)
            {
                // Telegram serves getUpdates to one caller at a time and never while a webhook is set: another instance
                // with this token is polling or has set a webhook. Each of our calls cuts the other's short, so neither
                // works well; say so loudly and keep backing off until the other one stops.
                failures++;
                var pause = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
                logger.LogError(
                    "getUpdates refused with 409 ({Description}): another instance uses this bot token. Poll from exactly one "
                    + "instance, or run all of them in webhook mode (WEBHOOK_URL). Retrying in {Pause}", e.Message, pause);
                await Task.Delay(pause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }
            catch (Exception e)
            {
                failures++;
                var pause = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures)));
                logger.LogWarning(e, "getUpdates failed ({Failures} in a row); retrying in {Pause}", failures, pause);
                await Task.Delay(pause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            foreach (var update in Window.Admit(updates))
            {
                // Started in id order on this thread, so the chat lanes queue each chat's updates in order.
                _ = RunOneAsync(update, stoppingToken);
            }

            if (Window.Current.InFlight is var inFlight and > 0)
            {
                // Every poll carries the unfinished updates again, so it waits for half of them to finish (the offset
                // has likely moved and those users may have written again), or for the recheck when some are slow.
                var half = Window.WhenFinishedAsync(before.Finished, Math.Max(1, (inFlight + 1) / 2));
                await Task.WhenAny(half, Task.Delay(Recheck, stoppingToken));
            }
        }

        await Window.WhenIdleAsync();
    }

    private async Task RunOneAsync(Update update, CancellationToken ct)
    {
        try
        {
            await handle(update, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: no further poll is made, so nothing past this update is confirmed.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Update {UpdateId} failed outside its pipeline", update.Id);
        }
        finally
        {
            Window.Finish(update.Id);
        }
    }
}
