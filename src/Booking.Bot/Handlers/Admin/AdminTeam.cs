using Booking.Bot.Receiving;
using Booking.Bot.Texts;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// A1 and X1: a super admin adds an admin by Telegram id, changes a role or removes one; the person is told in the
/// bot and their command menu follows the new role. The bot's admin screens and the web panel both call this one
/// service, so the person hears the same words wherever the change was made.
/// </summary>
public sealed class AdminTeam(ManageAdmins.Handler admins, BookingDb db, TextProvider texts, Replies replies, CommandRegistrar commands, ILogger<AdminTeam> logger)
{
    public Task<IReadOnlyList<ManageAdmins.Entry>> ListAsync(CancellationToken ct) => admins.ListAsync(ct);

    public async Task<ManageAdmins.Outcome> AddAsync(long actorId, long userId, AdminRole role, CancellationToken ct) =>
        await AfterAsync(await admins.AddAsync(actorId, userId, role, ct), userId, "admins.you_added", role, ct);

    public async Task<ManageAdmins.Outcome> ChangeRoleAsync(long actorId, long userId, AdminRole role, CancellationToken ct) =>
        await AfterAsync(await admins.ChangeRoleAsync(actorId, userId, role, ct), userId, "admins.you_role_changed", role, ct);

    public async Task<ManageAdmins.Outcome> RemoveAsync(long actorId, long userId, CancellationToken ct) =>
        await AfterAsync(await admins.RemoveAsync(actorId, userId, ct), userId, "admins.you_removed", null, ct);

    public static string RoleName(Texts.Texts t, AdminRole role) => t[role == AdminRole.SuperAdmin ? "admins.role_super" : "admins.role_moderator"];

    /// <summary>The key of the bot's one-line answer to an outcome.</summary>
    public static string NoticeKey(ManageAdmins.Outcome outcome) => outcome switch
    {
        ManageAdmins.Outcome.Done => "admins.done",
        ManageAdmins.Outcome.AlreadyAdmin => "admins.already",
        ManageAdmins.Outcome.Owner => "admins.owner_fixed",
        ManageAdmins.Outcome.LastSuperAdmin => "admins.last_super",
        ManageAdmins.Outcome.Unchanged => "admins.unchanged",
        _ => "admins.not_found",
    };

    private async Task<ManageAdmins.Outcome> AfterAsync(ManageAdmins.Outcome outcome, long userId, string key, AdminRole? role, CancellationToken ct)
    {
        if (outcome == ManageAdmins.Outcome.Done)
        {
            await TellAsync(userId, key, role, ct);
            await commands.RefreshAsync(userId, ct);
        }

        return outcome;
    }

    /// <summary>The person concerned hears about it in their own language, if they ever talked to the bot.</summary>
    private async Task TellAsync(long userId, string key, AdminRole? role, CancellationToken ct)
    {
        var language = await db.Clients.AsNoTracking().Where(c => c.Id == userId).Select(c => c.Language).SingleOrDefaultAsync(ct) ?? Languages.Default;
        var t = texts.For(language);
        try
        {
            await replies.SendAsync(userId, t.Format(key, ("role", role is { } r ? RoleName(t, r) : null)), null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogInformation(e, "Could not tell user {UserId} about their admin change", userId);
        }
    }
}
