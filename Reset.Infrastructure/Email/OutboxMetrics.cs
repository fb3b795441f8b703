using System.Diagnostics.Metrics;

namespace Reset.Infrastructure.Email;

/// <summary>
/// What the outbox did, as OpenTelemetry-ready counters on the "Reset.Outbox" meter. A rising
/// reset.outbox.dropped{reason=expired} means codes expired before the relay took them.
/// </summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "Reset.Outbox";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _dropped;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("reset.outbox.sent", "{message}", "Messages the relay accepted.");
        _failed = meter.CreateCounter<long>("reset.outbox.failed", "{attempt}", "Attempts that failed and will be tried again.");
        _dropped = meter.CreateCounter<long>("reset.outbox.dropped", "{message}",
            "Messages given up: reason=expired (the code expired first), refused (the relay refused them for good) or undecryptable (sealed under another key).");
    }

    public void Sent(string kind) => _sent.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Failed(string kind) => _failed.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void Dropped(string kind, string reason) =>
        _dropped.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("reason", reason));
}
