namespace Booking.Core.Domain;

/// <summary>Something a client can book: a massage, a haircut, a lesson.</summary>
public sealed class Service
{
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 480;
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 1024;
    public const decimal MaxPrice = 100_000_000m;

    /// <summary>The slot grids a service may use instead of the global one.</summary>
    public static readonly IReadOnlyList<int> SlotIntervals = [15, 30, 60];

    private Service()
    {
        Name = string.Empty;
        Currency = string.Empty;
    }

    public Service(string name, string? description, int durationMinutes, decimal price, string currency, int displayOrder)
    {
        Name = string.Empty;
        Currency = string.Empty;
        Rename(name);
        Describe(description);
        ChangeDuration(durationMinutes);
        ChangePrice(price, currency);
        DisplayOrder = displayOrder;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public int DurationMinutes { get; private set; }
    public decimal Price { get; private set; }
    public string Currency { get; private set; }

    /// <summary>X3: the deposit paid through Telegram when booking, in <see cref="Currency"/>; null takes none.</summary>
    public decimal? DepositAmount { get; private set; }

    /// <summary>Overrides the global slot interval for this service when set.</summary>
    public int? SlotIntervalMinutes { get; private set; }

    public bool IsActive { get; private set; }
    public int DisplayOrder { get; private set; }

    /// <summary>Soft delete: a service with bookings stays for history and statistics.</summary>
    public bool IsDeleted { get; private set; }

    public bool IsBookable => IsActive && !IsDeleted;

    public static bool IsValidName(string? name) => name is not null && name.Trim().Length is >= 1 and <= MaxNameLength;

    public static bool IsValidDescription(string? description) => description is null || description.Trim().Length <= MaxDescriptionLength;

    public static bool IsValidDuration(int minutes) => minutes is >= MinDurationMinutes and <= MaxDurationMinutes;

    /// <summary>Whole kopecks or cents only: the database keeps two decimals.</summary>
    public static bool IsValidPrice(decimal price) => price >= 0 && price <= MaxPrice && decimal.Round(price, 2) == price;

    public static bool IsValidCurrency(string? currency) => currency is { Length: 3 } && currency.All(char.IsAsciiLetterUpper);

    /// <summary>A deposit is more than nothing and never more than the price.</summary>
    public bool IsValidDeposit(decimal? amount) => amount is null || (amount > 0 && IsValidPrice(amount.Value) && amount <= Price);

    public static bool IsValidSlotInterval(int? minutes) => minutes is null || SlotIntervals.Contains(minutes.Value);

    public void Rename(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"A service name must be 1–{MaxNameLength} characters.", nameof(name));
        }

        Name = name.Trim();
    }

    /// <summary>Sets the description; null or blank removes it.</summary>
    public void Describe(string? description)
    {
        if (!IsValidDescription(description))
        {
            throw new ArgumentException($"A description must be at most {MaxDescriptionLength} characters.", nameof(description));
        }

        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    /// <summary>Only future bookings made after the change use it: a booking keeps the duration it was made with.</summary>
    public void ChangeDuration(int minutes)
    {
        if (!IsValidDuration(minutes))
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "Duration must be 15–480 minutes.");
        }

        DurationMinutes = minutes;
    }

    public void ChangePrice(decimal price, string currency)
    {
        if (!IsValidPrice(price))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A price must be 0 or more, with at most two decimals.");
        }

        if (!IsValidCurrency(currency))
        {
            throw new ArgumentException("A currency is a three-letter ISO code such as RUB.", nameof(currency));
        }

        Price = price;
        Currency = currency;
        if (DepositAmount > price)
        {
            DepositAmount = price > 0 ? price : null;
        }
    }

    /// <summary>Null (or nothing) takes no deposit: the service is booked without paying ahead.</summary>
    public void RequireDeposit(decimal? amount)
    {
        if (!IsValidDeposit(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A deposit is more than 0 and at most the price, with at most two decimals.");
        }

        DepositAmount = amount;
    }

    /// <summary>Null follows the global slot interval.</summary>
    public void UseSlotInterval(int? minutes)
    {
        if (!IsValidSlotInterval(minutes))
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "A slot interval is 15, 30 or 60 minutes.");
        }

        SlotIntervalMinutes = minutes;
    }

    public void MoveTo(int displayOrder) => DisplayOrder = displayOrder;

    public void Deactivate() => IsActive = false;

    public void Activate()
    {
        if (IsDeleted)
        {
            throw new InvalidOperationException($"Service {Id} is deleted and cannot be activated.");
        }

        IsActive = true;
    }

    /// <summary>Hidden everywhere from now on, but kept for the bookings that point at it.</summary>
    public void SoftDelete()
    {
        IsActive = false;
        IsDeleted = true;
    }
}
