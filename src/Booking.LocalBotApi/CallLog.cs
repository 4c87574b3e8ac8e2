namespace Booking.LocalBotApi;

/// <summary>Every request in arrival order, recorded command sets, and scripted failures.</summary>
internal sealed class CallLog(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly long _started = TimeProvider.System.GetTimestamp();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<RecordedCommandSet> _commandSets = [];
    private readonly Dictionary<string, Queue<ApiResult>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<InjectedFault> _injected = [];

    /// <summary>Decides, call by call, whether to play a failure instead (see <see cref="FakeBotApi.Faults"/>).</summary>
    public Func<string, long?, ApiFault?>? FaultPolicy { get; set; }

    public IReadOnlyList<InjectedFault> Injected
    {
        get
        {
            lock (_gate)
            {
                return _injected.ToList();
            }
        }
    }

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    public IReadOnlyList<RecordedCommandSet> CommandSets
    {
        get
        {
            lock (_gate)
            {
                return _commandSets.ToList();
            }
        }
    }

    public RecordedCall Record(string method, string body)
    {
        lock (_gate)
        {
            var call = new RecordedCall(method, body, clock.GetUtcNow()) { Received = TimeProvider.System.GetElapsedTime(_started) };
            _calls.Add(call);
            return call;
        }
    }

    /// <summary>The failure the policy picks for this call, recorded; null when the call should be handled.</summary>
    public ApiFault? TakeInjectedFault(RecordedCall call, long? chatId)
    {
        if (FaultPolicy?.Invoke(call.Method, chatId) is not { } fault)
        {
            return null;
        }

        lock (_gate)
        {
            _injected.Add(new InjectedFault(call.Method, chatId, fault, call.Received));
        }

        return fault;
    }

    public void RecordCommandSet(RecordedCommandSet set)
    {
        lock (_gate)
        {
            _commandSets.Add(set);
        }
    }

    public void AddFailure(string method, ApiResult failure, int times)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(method, out var queue))
            {
                queue = new Queue<ApiResult>();
                _failures.Add(method, queue);
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(failure);
            }
        }
    }

    /// <summary>The scripted failure for this call, if one is still queued.</summary>
    public ApiResult? TakeFailure(string method)
    {
        lock (_gate)
        {
            return _failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure) ? failure : null;
        }
    }
}
