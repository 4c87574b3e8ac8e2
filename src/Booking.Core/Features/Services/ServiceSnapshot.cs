using Booking.Core.Domain;

namespace Booking.Core.Features.Services;

/// <summary>What the audit log keeps of a service before and after a change (A11).</summary>
internal static class ServiceSnapshot
{
    public static object Of(Service s) => new
    {
        name = s.Name,
        description = s.Description,
        duration = s.DurationMinutes,
        price = s.Price,
        currency = s.Currency,
        deposit = s.DepositAmount,
        interval = s.SlotIntervalMinutes,
        active = s.IsActive,
        order = s.DisplayOrder,
        deleted = s.IsDeleted,
    };

    public static string Target(int id) => $"service:{id}";
}
