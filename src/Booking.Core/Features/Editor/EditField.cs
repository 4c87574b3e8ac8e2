using Booking.Core.Data;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Audit;
using Booking.Core.Features.Availability;

namespace Booking.Core.Features.Editor;

/// <summary>
/// A9: the universal field editor. A value is checked (parsed, compared, guarded) before the admin confirms it, and
/// checked again in full when it is saved, so nothing from a button or an earlier screen is trusted. Every change
/// is audited as <c>field.&lt;entity&gt;.&lt;field&gt;</c> with the value before and after.
/// </summary>
public static class EditField
{
    public const int PageSize = 8;

    /// <param name="Text">What the admin typed, exactly as typed.</param>
    public sealed record Request(long ActorId, string Entity, long RecordId, string Field, string Text);

    public enum Outcome
    {
        Changed = 0,
        Unchanged = 1,
        Invalid = 2,

        /// <summary>The field is not on the whitelist for that entity.</summary>
        UnknownField = 3,
        NotFound = 4,

        /// <summary>An owner from ADMIN_IDS: shown, never changed from the bot.</summary>
        ReadOnly = 5,
        LastSuperAdmin = 6,
    }

    /// <summary>For <see cref="Outcome.Changed"/> from a check, the change that saving would make.</summary>
    public sealed record Result(Outcome Outcome, EditableField? Field = null, string? Label = null, object? Before = null, object? After = null);

    public sealed record Entry(long Id, string Label);

    public sealed record Page(IReadOnlyList<Entry> Items, bool HasMore);

    public sealed class Handler(BookingDb db, WriteGate gate, Owners owners, AuditLog audit, ScheduleReader reader)
    {
        private EditorScope Scope => new(db, owners);

        public async Task<Page> ListAsync(string entity, int page, CancellationToken ct) =>
            await EditableRecords.ListAsync(Scope, entity, page, await reader.ZoneAsync(ct), reader.NowUtc, ct);

        /// <summary>The record's label, or null when it is gone.</summary>
        public async Task<string?> LabelAsync(string entity, long id, CancellationToken ct) =>
            await EditableRecords.FindAsync(Scope, entity, id, ct) is { } record ? EditableRecords.Label(entity, record) : null;

        /// <summary>The field's current value (as <see cref="Result.Before"/>) before anything is typed.</summary>
        public async Task<Result> ReadAsync(string entity, long id, string code, CancellationToken ct)
        {
            if (EditableFields.Find(entity, code) is not { } field)
            {
                return new Result(Outcome.UnknownField);
            }

            return await EditableRecords.FindAsync(Scope, entity, id, ct) is { } record
                ? new Result(Outcome.Unchanged, field, EditableRecords.Label(entity, record), field.Read(record))
                : new Result(Outcome.NotFound, field);
        }

        /// <summary>What saving would do, with nothing written.</summary>
        public async Task<Result> CheckAsync(Request r, CancellationToken ct) => (await PrepareAsync(r, ct)).Result;

        public async Task<Result> SaveAsync(Request r, CancellationToken ct)
        {
            // Checked and written under the gate: a setting or a service changes only between booking decisions.
            await using var write = await gate.BeginAsync(ct);
            var (result, record) = await PrepareAsync(r, ct);
            if (result.Outcome != Outcome.Changed)
            {
                return result;
            }

            var field = result.Field!;
            field.Write(record!, result.After);
            audit.Record(r.ActorId, field.Action, EditableRecords.Target(r.Entity, r.RecordId),
                Snapshot(field, result.Before), Snapshot(field, result.After));
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return result;
        }

        private async Task<(Result Result, object? Record)> PrepareAsync(Request r, CancellationToken ct)
        {
            if (EditableFields.Find(r.Entity, r.Field) is not { } field)
            {
                return (new Result(Outcome.UnknownField), null);
            }

            if (await EditableRecords.FindAsync(Scope, r.Entity, r.RecordId, ct) is not { } record)
            {
                return (new Result(Outcome.NotFound, field), null);
            }

            var label = EditableRecords.Label(r.Entity, record);
            var before = field.Read(record);
            if (!field.Parse(r.Text, out var after))
            {
                return (new Result(Outcome.Invalid, field, label, before), record);
            }

            if (Equals(before, after))
            {
                return (new Result(Outcome.Unchanged, field, label, before, after), record);
            }

            var refusal = field.Guard is { } guard ? await guard(Scope, record, after, ct) : null;
            return (new Result(refusal ?? Outcome.Changed, field, label, before, after), record);
        }

        private static Dictionary<string, object?> Snapshot(EditableField field, object? value) => new() { [field.Name] = value };
    }
}
