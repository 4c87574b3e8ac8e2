namespace Booking.Core.Domain;

/// <summary>Time the business is unavailable: a single slot, a day or a date range, as UTC instants.</summary>
public sealed class Block
{
    public const int MaxReasonLength = 256;

    private Block()
    {
    }

    public Block(DateTime startUtc, DateTime endUtc, string? reason, long? createdBy, DateTime nowUtc)
    {
        if (endUtc <= startUtc)
        {
            throw new ArgumentException("A block must end after it starts.", nameof(endUtc));
        }

        StartUtc = startUtc;
        EndUtc = endUtc;
        Reason = reason;
        CreatedBy = createdBy;
        CreatedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public DateTime StartUtc { get; private set; }
    public DateTime EndUtc { get; private set; }
    public string? Reason { get; private set; }
    public long? CreatedBy { get; private set; }
    public DateTime CreatedUtc { get; private set; }

    /// <summary>Null means no reason; otherwise at most <see cref="MaxReasonLength"/> characters.</summary>
    public static bool IsValidReason(string? reason) => reason is null || reason.Length <= MaxReasonLength;

    /// <summary>Rewords the reason; blank removes it. The time blocked stays the same.</summary>
    public void ChangeReason(string? reason)
    {
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!IsValidReason(trimmed))
        {
            throw new ArgumentException($"A reason must be at most {MaxReasonLength} characters.", nameof(reason));
        }

        Reason = trimmed;
    }
}
