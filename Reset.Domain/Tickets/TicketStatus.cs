namespace Reset.Domain.Tickets;

/// <summary>Where a ticket is in the journey. The wire names are snake_case: "code_sent".</summary>
public enum TicketStatus
{
    /// <summary>Created; the customer chooses how to prove ownership.</summary>
    Started,

    /// <summary>At least one code was sent and can be verified.</summary>
    CodeSent,

    /// <summary>A code was verified; a reset token allows setting the password.</summary>
    Verified,

    /// <summary>The password was changed. Nothing more can happen on this ticket.</summary>
    Completed,

    /// <summary>Too many wrong codes; the customer must start again.</summary>
    Locked,
}

public static class TicketStatusNames
{
    public static string ToWire(this TicketStatus status) => status switch
    {
        TicketStatus.Started => "started",
        TicketStatus.CodeSent => "code_sent",
        TicketStatus.Verified => "verified",
        TicketStatus.Completed => "completed",
        TicketStatus.Locked => "locked",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static TicketStatus FromWire(string text) => text switch
    {
        "started" => TicketStatus.Started,
        "code_sent" => TicketStatus.CodeSent,
        "verified" => TicketStatus.Verified,
        "completed" => TicketStatus.Completed,
        "locked" => TicketStatus.Locked,
        _ => throw new FormatException($"Unknown ticket status '{text}'."),
    };
}
