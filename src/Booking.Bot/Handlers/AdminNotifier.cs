using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Availability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers;

/// <summary>Tells every admin (the owners and those added in the bot) about bookings, cancellations and moves, each in their own language.</summary>
public sealed class AdminNotifier(AccessControl access, BookingDb db, ScheduleReader schedule, TextProvider texts, Replies replies, ILogger<AdminNotifier> logger)
{
    public Task NotifyAsync(
        string key, Client client, string? service, DateTime startUtc, DateTime? previousUtc, CancellationToken ct,
        params (string Name, object? Value)[] extra) =>
        NotifyAsync(key, client, service, startUtc, previousUtc, null, ct, extra);

    /// <param name="buttons">Buttons under the message, in each admin's language (an action the message asks for).</param>
    public Task NotifyAsync(
        string key, Client client, string? service, DateTime startUtc, DateTime? previousUtc, Func<Texts.Texts, InlineKeyboardMarkup>? buttons,
        CancellationToken ct, params (string Name, object? Value)[] extra) =>
        SendAsync(key, client, service, startUtc, previousUtc, buttons, null, extra, ct);

    /// <summary>As <see cref="NotifyAsync(string, Client, string?, DateTime, DateTime?, CancellationToken, (string Name, object? Value)[])"/>, to every admin but the one who made the change.</summary>
    public Task NotifyOthersAsync(long actorId, string key, Client client, string? service, DateTime startUtc, CancellationToken ct) =>
        SendAsync(key, client, service, startUtc, null, null, actorId, [], ct);

    private async Task SendAsync(
        string key, Client client, string? service, DateTime startUtc, DateTime? previousUtc, Func<Texts.Texts, InlineKeyboardMarkup>? buttons,
        long? except, (string Name, object? Value)[] extra, CancellationToken ct)
    {
        var adminIds = (await access.AllAdminIdsAsync(ct)).Where(id => id != except).ToList();
        if (adminIds.Count == 0)
        {
            return;
        }

        var zone = await schedule.ZoneAsync(ct);
        var languages = await db.Clients.AsNoTracking().Where(c => adminIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Language, ct);
        foreach (var adminId in adminIds)
        {
            var t = texts.For(languages.GetValueOrDefault(adminId, Languages.Default));
            var f = new Formats(t, zone);
            var who = Who(t, client);
            (string, object?)[] values =
            [
                ("client", new Raw(who)), ("service", service), ("date", f.Date(startUtc)), ("time", f.Time(startUtc)),
                ("old", previousUtc is { } p ? f.DateTime(p) : null), ("new", f.DateTime(startUtc)), .. extra,
            ];
            var text = t.Format(key, values);
            try
            {
                await replies.SendAsync(adminId, text, buttons?.Invoke(t), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The client's booking stands whether or not an admin could be told.
                logger.LogWarning(e, "Could not notify admin {AdminId} ({Key})", adminId, key);
            }
        }
    }

    /// <summary>How admins see a client: name and id, or a plain phrase for the stand-in of someone who was forgotten (C11).</summary>
    public static string Who(Texts.Texts t, Client client) => client.IsErased
        ? t["admin.erased_client"]
        : t.Format("admin.client", ("name", client.DisplayName), ("id", client.Id));
}
