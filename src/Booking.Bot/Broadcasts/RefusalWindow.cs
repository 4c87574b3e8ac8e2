namespace Booking.Bot.Broadcasts;

/// <summary>
/// Tells a chat's flood control from the bot's (ADR 0022): the outcome of the last <see cref="Size"/> broadcast sends.
/// Telegram refuses a single chat that goes too fast, and every chat once the bot as a whole goes too fast; a few
/// refusals scattered among deliveries are the first kind, <see cref="SystemicAt"/> or more of the last
/// <see cref="Size"/> are the second. With 5 % of calls refused at random the rule fires about once in 900,000 sends;
/// a storm that refuses everything trips it on its eighth refusal. Not thread-safe: the pacer holds its lock.
/// </summary>
public sealed class RefusalWindow
{
    public const int Size = 20;
    public const int SystemicAt = 8;

    private readonly Queue<bool> _last = new(Size + 1);
    private int _refused;

    public int Refused => _refused;

    /// <summary>Adds a send's outcome; true when the refusals in the window now say the whole bot is being held.</summary>
    public bool Add(bool refused)
    {
        _last.Enqueue(refused);
        _refused += refused ? 1 : 0;
        if (_last.Count > Size && _last.Dequeue())
        {
            _refused--;
        }

        return _refused >= SystemicAt;
    }

    /// <summary>After a pause everyone waited out, the refusals before it say nothing about what comes next.</summary>
    public void Clear()
    {
        _last.Clear();
        _refused = 0;
    }
}
