using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Booking.Core.Data;

/// <summary>
/// A query compiled once per model (EF.CompileAsyncQuery): for the few queries nearly every update runs, where EF's
/// per-call work to find the cached translation cost as much CPU as running them (ADR 0025). A compiled query is bound
/// to the model it first ran with, and SQLite and PostgreSQL models differ (the tests use both in one process), so
/// each model gets its own compilation.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
