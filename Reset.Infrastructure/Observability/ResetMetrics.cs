using System.Diagnostics.Metrics;

namespace Reset.Infrastructure.Observability;

/// <summary>
/// The reset funnel as counters on the "Reset.Funnel" meter, exported at /metrics. Decoy tickets
/// count like real ones wherever their answers look alike (started, codes queued, wrong codes), so
/// the numbers reveal no more about which logins exist than the API does. What the outbox did with
/// the codes (sent, failed, expired unsent) is counted by <see cref="Email.OutboxMetrics"/>.
/// </summary>
public sealed class ResetMetrics
{
    public const string MeterName = "Reset.Funnel";

    private readonly Counter<long> _ticketsStarted;
    private readonly Counter<long> _codesQueued;
    private readonly Counter<long> _codesVerified;
    private readonly Counter<long> _codesWrong;
    private readonly Counter<long> _ticketsLocked;
    private readonly Counter<long> _passwordsChanged;
    private readonly Counter<long> _supportRequestsOpened;

    public ResetMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _ticketsStarted = meter.CreateCounter<long>("reset.tickets.started", "{ticket}", "Reset tickets started, for customers and unknown logins alike.");
        _codesQueued = meter.CreateCounter<long>("reset.codes.queued", "{code}", "Codes accepted for sending (202 answers).");
        _codesVerified = meter.CreateCounter<long>("reset.codes.verified", "{code}", "Codes typed right: a reset token was given.");
        _codesWrong = meter.CreateCounter<long>("reset.codes.wrong", "{code}", "Codes typed wrong or too late.");
        _ticketsLocked = meter.CreateCounter<long>("reset.tickets.locked", "{ticket}", "Tickets locked by too many wrong codes.");
        _passwordsChanged = meter.CreateCounter<long>("reset.passwords.changed", "{password}", "Passwords changed through a reset.");
        _supportRequestsOpened = meter.CreateCounter<long>("reset.support_requests.opened", "{request}", "Support requests opened.");
    }

    public void TicketStarted() => _ticketsStarted.Add(1);

    public void CodeQueued() => _codesQueued.Add(1);

    public void CodeVerified() => _codesVerified.Add(1);

    public void CodeWrong() => _codesWrong.Add(1);

    public void TicketLocked() => _ticketsLocked.Add(1);

    public void PasswordChanged() => _passwordsChanged.Add(1);

    public void SupportRequestOpened() => _supportRequestsOpened.Add(1);
}
