namespace Reset.Domain.Tickets;

/// <summary>What checking a code did. Decided atomically by the store, so parallel guesses cannot race past a limit.</summary>
public enum CodeCheckOutcome
{
    Verified,

    /// <summary>Wrong, expired or void (a six-digit code once the account's wrong-code budget is spent); attempts remain on the ticket.</summary>
    Wrong,

    /// <summary>This wrong code used the ticket's last attempt: it is locked now.</summary>
    WrongAndLocked,

    /// <summary>The ticket was already locked; the code was not looked at.</summary>
    Locked,

    /// <summary>No code to check in this state (none sent yet, or already verified or completed).</summary>
    WrongState,

    NotFound,
}
