namespace Reset.Infrastructure.Email;

/// <summary>A rendered e-mail: subject, plain text and HTML alternatives.</summary>
public sealed record EmailContent(string Subject, string Text, string Html);
