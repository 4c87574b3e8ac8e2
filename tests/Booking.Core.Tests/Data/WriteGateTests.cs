using Booking.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Core.Tests.Data;

/// <summary>The gate itself: a second booking decision waits until the first one has finished, on either database.</summary>
public abstract class WriteGateTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync() => _world = await CoreWorld.CreateAsync(storage);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [StorageFact]
    public async Task A_second_writer_waits_at_the_gate_until_the_first_one_finishes()
    {
        await using var first = _world.NewScope();
        var firstWrite = await first.ServiceProvider.GetRequiredService<WriteGate>().BeginAsync(default);

        await using var second = _world.NewScope();
        var secondBegin = Task.Run(() => second.ServiceProvider.GetRequiredService<WriteGate>().BeginAsync(default));
        var raced = await Task.WhenAny(secondBegin, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.NotSame(secondBegin, raced);

        await firstWrite.DisposeAsync();
        await using var secondWrite = await secondBegin.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(secondBegin.IsCompletedSuccessfully);
    }
}

public sealed class WriteGateOnSqlite() : WriteGateTests(Storage.Sqlite);

public sealed class WriteGateOnPostgres() : WriteGateTests(Storage.Postgres), IRunsOnPostgres;
