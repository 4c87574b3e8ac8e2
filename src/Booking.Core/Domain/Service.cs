namespace Booking.Core.Domain;

/// <summary>Something a client can book: a massage, a haircut, a lesson.</summary>
public sealed class Service
{
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 480;

    private Service()
    {
        Name = string.Empty;
        Currency = string.Empty;
    }

    public Service(string name, string? description, int durationMinutes, decimal price, string currency, int displayOrder)
    {
        if (durationMinutes is < MinDurationMinutes or > MaxDurationMinutes)
        {
            throw new ArgumentOutOfRangeException(nameof(durationMinutes), durationMinutes, "Duration must be 15–480 minutes.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(price);
        Name = name;
        Description = description;
        DurationMinutes = durationMinutes;
        Price = price;
        Currency = currency;
        DisplayOrder = displayOrder;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public int DurationMinutes { get; private set; }
    public decimal Price { get; private set; }
    public string Currency { get; private set; }

    /// <summary>Overrides the global slot interval for this service when set.</summary>
    public int? SlotIntervalMinutes { get; private set; }

    public bool IsActive { get; private set; }
    public int DisplayOrder { get; private set; }

    /// <summary>Soft delete: a service with bookings stays for history and statistics.</summary>
    public bool IsDeleted { get; private set; }

    public bool IsBookable => IsActive && !IsDeleted;

    public void UseSlotInterval(int? minutes) => SlotIntervalMinutes = minutes;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
