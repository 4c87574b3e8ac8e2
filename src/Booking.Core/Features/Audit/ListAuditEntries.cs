using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Audit;

/// <summary>A11: the audit log newest first, a page at a time, optionally only one admin's or one action's entries.</summary>
public static class ListAuditEntries
{
    public const int PageSize = 10;

    public sealed record Filter(long? ActorId = null, string? Action = null);

    public sealed record Entry(AuditEntry Audit, string? ActorName);

    /// <param name="Actors">Everyone who has entries, with a name when known: the choices of the admin filter.</param>
    /// <param name="Actions">Every action in the log: the choices of the action filter.</param>
    public sealed record Result(
        IReadOnlyList<Entry> Entries, int Page, int Total, IReadOnlyList<(long Id, string? Name)> Actors, IReadOnlyList<string> Actions)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Handler(BookingDb db)
    {
        public async Task<Result> HandleAsync(Filter filter, int page, CancellationToken ct)
        {
            var query = Apply(db.AuditEntries.AsNoTracking(), filter);
            var total = await query.CountAsync(ct);
            var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 0, pages - 1);
            var entries = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
                .Skip(page * PageSize).Take(PageSize).ToListAsync(ct);
            var actorIds = await db.AuditEntries.AsNoTracking().Select(a => a.ActorId).Distinct().ToListAsync(ct);
            var actions = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
            var names = await NamesAsync(actorIds, ct);
            return new Result(
                entries.Select(e => new Entry(e, names.GetValueOrDefault(e.ActorId))).ToList(), page, total,
                actorIds.Order().Select(id => (id, names.GetValueOrDefault(id))).ToList(), actions);
        }

        /// <summary>Every entry matching the filter, oldest first, with names: what the CSV export writes.</summary>
        public async Task<IReadOnlyList<Entry>> AllAsync(Filter filter, CancellationToken ct)
        {
            var entries = await Apply(db.AuditEntries.AsNoTracking(), filter).OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(ct);
            var names = await NamesAsync(entries.Select(e => e.ActorId).Distinct().ToList(), ct);
            return entries.Select(e => new Entry(e, names.GetValueOrDefault(e.ActorId))).ToList();
        }

        private static IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> query, Filter filter)
        {
            if (filter.ActorId is { } actor)
            {
                query = query.Where(a => a.ActorId == actor);
            }

            if (filter.Action is { } action)
            {
                query = query.Where(a => a.Action == action);
            }

            return query;
        }

        private async Task<Dictionary<long, string?>> NamesAsync(List<long> ids, CancellationToken ct) =>
            await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.FirstName, c.Username })
                .ToDictionaryAsync(c => c.Id, c => (string?)(c.Username != null && c.Username != "" ? "@" + c.Username : c.FirstName), ct);
    }
}
