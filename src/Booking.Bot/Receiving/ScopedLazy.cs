using Microsoft.Extensions.DependencyInjection;

namespace Booking.Bot.Receiving;

/// <summary>
/// <c>Lazy&lt;T&gt;</c> from the update's scope: the router names every handler, but an update needs one or two of them,
/// and building all of them with their dependencies for every update was a fifth of what an update allocated.
/// Not thread-safe on purpose: a scope belongs to one update, handled by one flow at a time.
/// </summary>
internal sealed class ScopedLazy<T>(IServiceProvider scope) : Lazy<T>(scope.GetRequiredService<T>, LazyThreadSafetyMode.None)
    where T : notnull;
