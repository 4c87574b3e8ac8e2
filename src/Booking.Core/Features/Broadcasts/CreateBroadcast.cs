using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;

namespace Booking.Core.Features.Broadcasts;

/// <summary>
/// A7: the admin confirmed. The broadcast and one pending recipient per client are written in one transaction with
/// the audit entry, so the queue is complete before anything is sent and a restart finds it whole.
/// </summary>
public static class CreateBroadcast
{
    public sealed record Request(long ActorId, string Text, Audience Audience, int? ProgressMessageId);

    public enum Outcome
    {
        Created = 0,
        NoRecipients = 1,
        Invalid = 2,
    }

    public sealed record Result(Outcome Outcome, int BroadcastId = 0, int Recipients = 0);

    public sealed class Handler(BookingDb db, WriteGate gate, SelectAudience.Handler audience, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > Broadcast.MaxTextLength
                || (request.Audience.Kind == AudienceKind.Inactive && request.Audience.InactiveDays <= 0))
            {
                return new Result(Outcome.Invalid);
            }

            await using var write = await gate.BeginAsync(ct);
            var ids = await audience.IdsAsync(request.Audience, ct);
            if (ids.Count == 0)
            {
                return new Result(Outcome.NoRecipients);
            }

            var broadcast = new Broadcast(request.Text, request.Audience, request.ActorId, request.ProgressMessageId, ids.Count, clock.GetUtcNow().UtcDateTime);
            db.Broadcasts.Add(broadcast);
            await db.SaveChangesAsync(ct);
            db.BroadcastRecipients.AddRange(ids.Select(id => new BroadcastRecipient(broadcast.Id, id)));
            audit.Record(request.ActorId, "broadcast.create", $"broadcast:{broadcast.Id}", null, new
            {
                audience = request.Audience.Kind.ToString(),
                inactiveDays = broadcast.InactiveDays,
                recipients = ids.Count,
                length = request.Text.Length,
            });
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return new Result(Outcome.Created, broadcast.Id, ids.Count);
        }
    }
}
