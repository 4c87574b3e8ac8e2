using Booking.Bot.Rendering;
using Booking.Core.Data;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Booking.Bot.Receiving;

/// <summary>
/// One update, start to finish: a DI scope and its one connection, the chat's lock across processes (PostgreSQL),
/// de-duplication by update_id (the mark commits with the effect), the sender registered, then the router. A failure is logged and answered politely; it never escapes.
/// </summary>
public sealed class UpdatePipeline(IServiceScopeFactory scopes, TimeProvider clock, Texts.TextProvider textProvider, ILogger<UpdatePipeline> logger)
{
    // Compiled once per model (CompiledQuery): it runs on every update, and EF's per-call translation-cache lookup costs as much as the query.
    private static readonly CompiledQuery<Func<BookingDb, long, CancellationToken, Task<bool>>> AlreadyApplied = new(() =>
        EF.CompileAsyncQuery((BookingDb db, long updateId, CancellationToken ct) => db.ProcessedUpdates.Any(p => p.UpdateId == updateId)));

    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        var type = Observability.BotMetrics.SnakeCase(update.Type.ToString());
        Observability.BotMetrics.Updates.WithLabels(type).Inc();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await HandleTimedAsync(update, ct);
        }
        finally
        {
            Observability.BotMetrics.HandlerDuration.WithLabels(type).Observe(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private async Task HandleTimedAsync(Update update, CancellationToken ct)
    {
        var sender = SenderOf(update);
        if (sender is null || !IsPrivate(update))
        {
            logger.LogDebug("Ignoring update {UpdateId} of type {Type}: not from a private chat", update.Id, update.Type);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<BookingDb>();
        try
        {
            // One connection for the whole update. Left to itself EF opens and closes it around each of the dozen
            // queries a screen makes, and every open of a pooled SQLite connection registers EF's SQL functions anew.
            await db.Database.OpenConnectionAsync(ct);
            await using var chat = await services.GetRequiredService<ChatLock>().AcquireAsync(sender.Id, ct);
            if (await AlreadyApplied.For(db)(db, update.Id, ct))
            {
                logger.LogInformation("Update {UpdateId} was already applied; skipping the repeat", update.Id);
                return;
            }

            db.MarkUpdateApplied(update.Id, clock.GetUtcNow().UtcDateTime);
            var registered = await services.GetRequiredService<RegisterClient.Handler>().HandleAsync(
                new RegisterClient.Request(sender.Id, sender.FirstName, sender.LastName, sender.Username, sender.LanguageCode), ct);
            var zone = await services.GetRequiredService<ScheduleReader>().ZoneAsync(ct);
            var texts = textProvider.For(registered.Client.Language);
            var role = await services.GetRequiredService<AccessControl>().RoleOfAsync(sender.Id, ct);
            var context = new UpdateContext(update, registered.Client, texts, new Formats(texts, zone))
            {
                IsNewClient = registered.IsNew,
                NowUtc = clock.GetUtcNow().UtcDateTime,
                AdminRole = role,
            };
            await services.GetRequiredService<IUpdateRouter>().RouteAsync(context, ct);
            await db.FlushUpdateMarkAsync(ct);
        }
        catch (DbUpdateException e) when (IsDuplicateMark(e))
        {
            logger.LogInformation("Update {UpdateId} was applied concurrently by another worker; dropped", update.Id);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Handling update {UpdateId} ({Type}) from {UserId} failed", update.Id, update.Type, sender.Id);
            await ApologiseAsync(services, update, sender, ct);
        }
    }

    public static long? ChatOf(Update update) => SenderOf(update)?.Id;

    private static User? SenderOf(Update update) => update switch
    {
        { Message.From: { } from } => from,
        { CallbackQuery.From: { } from } => from,
        { EditedMessage.From: { } from } => from,
        { MyChatMember.From: { } from } => from,
        { PreCheckoutQuery.From: { } from } => from,
        _ => null,
    };

    private static bool IsPrivate(Update update) => update switch
    {
        { Message: { } m } => m.Chat.Type == ChatType.Private,
        { EditedMessage: { } m } => m.Chat.Type == ChatType.Private,
        { CallbackQuery: { } q } => q.Message is null || q.Message.Chat.Type == ChatType.Private,
        { MyChatMember: { } m } => m.Chat.Type == ChatType.Private,

        // Invoices are sent only in private chats, so their pre-checkout queries come from there too.
        { PreCheckoutQuery: not null } => true,
        _ => false,
    };

    private static bool IsDuplicateMark(DbUpdateException e) =>
        e.InnerException?.Message.Contains("ProcessedUpdates", StringComparison.OrdinalIgnoreCase) == true
        || e.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true;

    private async Task ApologiseAsync(IServiceProvider services, Update update, User sender, CancellationToken ct)
    {
        try
        {
            var texts = textProvider.For(Core.Domain.Languages.Normalize(sender.LanguageCode));
            var replies = services.GetRequiredService<Replies>();
            if (update.CallbackQuery is { } query)
            {
                await replies.AnswerAsync(query.Id, texts["refusal.error"], alert: true, ct);
            }
            else
            {
                await replies.SendAsync(sender.Id, texts["refusal.error"], null, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not tell user {UserId} about the failure", sender.Id);
        }
    }
}
