using Serilog.Events;
using Serilog.Formatting;

namespace Booking.Web.Observability;

/// <summary>Formats an event with the inner formatter, then masks secrets in the finished text (message, properties, exception).</summary>
public sealed class ScrubbingFormatter(ITextFormatter inner, SecretScrubber scrubber) : ITextFormatter
{
    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        inner.Format(logEvent, buffer);
        output.Write(scrubber.Scrub(buffer.ToString()));
    }
}
