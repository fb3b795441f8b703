namespace Reset.Domain.Passwords;

/// <summary>Turns a password into a self-describing hash string and checks a password against one.</summary>
public interface IPasswordHasher
{
    Task<string> HashAsync(string password, CancellationToken cancellationToken = default);

    Task<bool> VerifyAsync(string hash, string password, CancellationToken cancellationToken = default);
}
