using Reset.Domain.Tickets;

namespace Reset.Domain.Support;

/// <summary>
/// A ticket takes one support request, and only while it is open: started (the customer who lost the
/// mailbox never asks for a code) or code_sent (the code went to a mailbox they cannot read). Not once
/// verified (the mailbox was read: set the password) or completed, and not when locked by wrong codes:
/// a new ticket is one start away. A decoy's status moves exactly like a real ticket's (it sends codes
/// and locks, it never verifies), so the rule answers the same for both. The "one" is kept by the store,
/// atomically; this says which states may take it.
/// </summary>
public static class SupportRequestNeedsAnOpenTicket
{
    public static readonly IReadOnlyList<TicketStatus> OpenStates = [TicketStatus.Started, TicketStatus.CodeSent];

    public static bool IsMetBy(TicketStatus status) => OpenStates.Contains(status);
}
