using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Panel;

/// <summary>
/// X1: a one-time link is used to sign in. The link is consumed by one conditional UPDATE (unused and not expired),
/// so two requests racing with the same link cannot both sign in; the admin must still be an admin at that moment.
/// </summary>
public static class RedeemPanelLogin
{
    public enum Outcome
    {
        SignedIn = 0,

        /// <summary>No such link (mistyped, forged, or from another database).</summary>
        Unknown = 1,
        AlreadyUsed = 2,
        Expired = 3,

        /// <summary>The link was valid, but its admin has been removed since.</summary>
        NotAdmin = 4,
    }

    public sealed record Result(Outcome Outcome, long AdminId = 0, AdminRole? Role = null);

    public sealed class Handler(BookingDb db, AccessControl access, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(string? token, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(token) || token.Length > 128)
            {
                return new Result(Outcome.Unknown);
            }

            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var hash = IssuePanelLogin.HashOf(token.Trim());
            int consumed;

            // Queued with the bot's other writers on SQLite (ADR 0025), instead of meeting them at SQLite's lock.
            using (await db.WriterTurnAsync(ct))
            {
                consumed = await db.PanelLoginTokens
                    .Where(t => t.TokenHash == hash && t.UsedUtc == null && t.ExpiresUtc > nowUtc)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedUtc, nowUtc), ct);
            }

            var login = await db.PanelLoginTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
            if (consumed != 1 || login is null)
            {
                return new Result(login switch
                {
                    null => Outcome.Unknown,
                    { UsedUtc: not null } => Outcome.AlreadyUsed,
                    _ => Outcome.Expired,
                });
            }

            var role = await access.RoleOfAsync(login.AdminId, ct);
            return role is null ? new Result(Outcome.NotAdmin, login.AdminId) : new Result(Outcome.SignedIn, login.AdminId, role);
        }
    }
}
