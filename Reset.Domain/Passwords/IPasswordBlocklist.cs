namespace Reset.Domain.Passwords;

/// <summary>Common and breached passwords that no account may use.</summary>
public interface IPasswordBlocklist
{
    /// <summary>True when the NFKC-normalised password is on the list, in any letter case.</summary>
    bool Contains(string normalizedPassword);
}
