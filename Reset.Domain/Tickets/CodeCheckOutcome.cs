namespace Reset.Domain.Tickets;

/// <summary>What checking a code did. Decided atomically by the store, so parallel guesses cannot race past a limit.</summary>
public enum CodeCheckOutcome
{
    Verified,

    /// <summary>Wrong or expired; attempts remain on the ticket.</summary>
    Wrong,

    /// <summary>This wrong code used the ticket's last attempt: it is locked now.</summary>
    WrongAndLocked,

    /// <summary>The ticket was already locked; the code was not looked at.</summary>
    Locked,

    /// <summary>The account had too many wrong codes in the window, across its tickets.</summary>
    AccountFrozen,

    /// <summary>No code to check in this state (none sent yet, or already verified or completed).</summary>
    WrongState,

    NotFound,
}
