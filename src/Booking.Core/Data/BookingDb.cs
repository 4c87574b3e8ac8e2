using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Booking.Core.Data;

/// <summary>The one DbContext. Features use it directly (no repositories); configurations live beside it.</summary>
public sealed class BookingDb(DbContextOptions<BookingDb> options) : DbContext(options)
{
    private TimeProvider _clock = TimeProvider.System;
    private ProcessedUpdate? _pendingUpdateMark;

    // Asking the facade for the provider resolves services every time; the chat lock and the write gate ask per update.
    private string? _provider;
    private string? _connectionString;

    /// <summary>
    /// Readies a context from the pool (<see cref="BookingDbRegistration"/>) for one scope: that scope's clock, and no
    /// update mark left over from the scope that used it before. EF resets its own state when a context goes back.
    /// Contexts opened by hand (tools, tests) keep the system clock.
    /// </summary>
    internal BookingDb ForScope(TimeProvider clock)
    {
        _clock = clock;
        _pendingUpdateMark = null;
        return this;
    }

    public DbSet<Client> Clients => Set<Client>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<WorkingDay> WorkingDays => Set<WorkingDay>();
    public DbSet<SpecialDay> SpecialDays => Set<SpecialDay>();
    public DbSet<Block> Blocks => Set<Block>();
    public DbSet<Domain.Booking> Bookings => Set<Domain.Booking>();
    public DbSet<BookingHistoryEntry> BookingHistory => Set<BookingHistoryEntry>();
    public DbSet<BusinessSettings> Settings => Set<BusinessSettings>();
    public DbSet<ConversationState> Conversations => Set<ConversationState>();
    public DbSet<ProcessedUpdate> ProcessedUpdates => Set<ProcessedUpdate>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<LiveKeyboard> LiveKeyboards => Set<LiveKeyboard>();
    public DbSet<Admin> Admins => Set<Admin>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();
    public DbSet<BroadcastRecipient> BroadcastRecipients => Set<BroadcastRecipient>();
    public DbSet<TextOverride> TextOverrides => Set<TextOverride>();
    public DbSet<PanelLoginToken> PanelLoginTokens => Set<PanelLoginToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
    public DbSet<WaitlistOffer> WaitlistOffers => Set<WaitlistOffer>();

    /// <summary>True when this provider needs its writers serialised by the application (SQLite does; see ADR 0002).</summary>
    public bool IsSqlite => (_provider ??= Database.ProviderName ?? "").Contains("Sqlite", StringComparison.Ordinal);

    /// <summary>True on PostgreSQL, where <see cref="WriteGate"/> takes an advisory lock (ADR 0011).</summary>
    public bool IsPostgres => (_provider ??= Database.ProviderName ?? "") == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Records that an update is being applied. The mark is saved with the first SaveChanges of this scope, so an
    /// update's effect and its de-duplication row commit or roll back together.
    /// </summary>
    public void MarkUpdateApplied(long updateId, DateTime nowUtc) => _pendingUpdateMark = new ProcessedUpdate(updateId, nowUtc);

    /// <summary>Saves the update mark (and anything still pending) when the handler itself saved nothing.</summary>
    public async Task FlushUpdateMarkAsync(CancellationToken ct)
    {
        if (_pendingUpdateMark is not null || ChangeTracker.HasChanges())
        {
            await SaveChangesAsync(ct);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var mark = _pendingUpdateMark;
        if (mark is not null)
        {
            ProcessedUpdates.Add(mark);
        }

        using var turn = await WriterTurnAsync(cancellationToken);

        // Whatever frees time or books a day — in any feature, present or future — wakes or closes the waits it
        // concerns in the same transaction (X4, ADR 0024).
        await Features.Waitlist.WaitlistTriggers.ApplyAsync(this, _clock.GetUtcNow().UtcDateTime, cancellationToken);
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (mark is not null)
            {
                _pendingUpdateMark = null;
            }

            return count;
        }
        catch
        {
            if (mark is not null)
            {
                Entry(mark).State = EntityState.Detached;
            }

            throw;
        }
    }

    /// <summary>
    /// On SQLite, waits for this file's writer turn (<see cref="SqliteWriters"/>); null where there is nothing to wait
    /// for: on PostgreSQL, or inside a transaction, whose owner (<see cref="WriteGate"/>) already holds the turn.
    /// </summary>
    public async ValueTask<IDisposable?> WriterTurnAsync(CancellationToken ct) =>
        IsSqlite && Database.CurrentTransaction is null
            ? await SqliteWriters.WaitAsync(_connectionString ??= Database.GetConnectionString() ?? "", ct)
            : null;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BookingDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (IsSqlite)
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<SqliteUtcConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        }

        configurationBuilder.Properties<decimal>().HavePrecision(12, 2);
    }

    /// <summary>Every DateTime in the model is a UTC instant; reading one back restores Kind=Utc.</summary>
    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    /// <summary>The same on SQLite, where the instant is text (<see cref="SqliteInstantText"/>).</summary>
    private sealed class SqliteUtcConverter() : ValueConverter<DateTime, string>(
        v => SqliteInstantText.Format(v),
        v => SqliteInstantText.Parse(v));
}
