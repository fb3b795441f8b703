namespace Reset.Domain.Logins;

/// <summary>
/// Masks an address for display, "john@example.com" → "j***n@e***.com": enough for its owner to
/// recognise it, too little for anyone else to learn it.
/// </summary>
public static class EmailMask
{
    private const string Stars = "***";

    public static string Mask(EmailAddress email)
    {
        var local = email.LocalPart;
        var maskedLocal = local.Length <= 2 ? local[..1] + Stars : local[..1] + Stars + local[^1..];

        var domain = email.Domain;
        var lastDot = domain.LastIndexOf('.');
        var maskedDomain = domain[..1] + Stars + domain[lastDot..];

        return maskedLocal + "@" + maskedDomain;
    }
}
