using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Reset.Infrastructure.Configuration;

namespace Reset.Infrastructure.Email;

/// <summary>
/// Seals the content of an e-mail that holds a secret (the code) while it waits in outbox_messages, so
/// neither the table, nor its WAL, nor a backup holds the code in clear. AES-256-GCM under a key derived
/// from Secrets:HmacKey by HKDF-SHA256 with its own label, a random 96-bit nonce per message, and the
/// row's id, kind and recipient as associated data: a sealed content moved to another row, or a row
/// whose recipient was changed, no longer opens. Only the dispatcher opens it, right before sending.
/// </summary>
/// <remarks>
/// Layout: version (1 byte) | nonce (12) | tag (16) | ciphertext. A message sealed under a key that has
/// since been rotated away does not open; the dispatcher drops it (reason "undecryptable") and the
/// customer asks for a new code.
/// </remarks>
public sealed class OutboxCipher(IOptions<SecretsOptions> secrets)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;
    private static readonly byte[] Purpose = "outbox-secret-v1"u8.ToArray();

    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secrets.Value.HmacKeyBytes(), 32, salt: [], info: Purpose);

    public byte[] Seal(Guid messageId, string kind, string recipient, EmailContent content)
    {
        var plaintext = Serialize(content);
        var sealedContent = new byte[HeaderSize + plaintext.Length];
        sealedContent[0] = Version;
        var nonce = sealedContent.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedContent.AsSpan(HeaderSize), sealedContent.AsSpan(1 + NonceSize, TagSize),
            AssociatedData(messageId, kind, recipient));
        CryptographicOperations.ZeroMemory(plaintext);
        return sealedContent;
    }

    /// <summary>The content, or null when it does not open: another key, another row, or altered bytes.</summary>
    public EmailContent? TryOpen(Guid messageId, string kind, string recipient, byte[] sealedContent)
    {
        if (sealedContent.Length < HeaderSize || sealedContent[0] != Version)
        {
            return null;
        }

        var plaintext = new byte[sealedContent.Length - HeaderSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedContent.AsSpan(1, NonceSize), sealedContent.AsSpan(HeaderSize), sealedContent.AsSpan(1 + NonceSize, TagSize),
                plaintext, AssociatedData(messageId, kind, recipient));
            return Deserialize(plaintext);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] AssociatedData(Guid messageId, string kind, string recipient) =>
        Encoding.UTF8.GetBytes($"{Encoding.UTF8.GetString(Purpose)}\n{messageId:N}\n{kind}\n{recipient}");

    private static byte[] Serialize(EmailContent content)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(content.Subject);
            writer.Write(content.Text);
            writer.Write(content.Html);
        }

        return buffer.ToArray();
    }

    private static EmailContent Deserialize(byte[] plaintext)
    {
        using var reader = new BinaryReader(new MemoryStream(plaintext), Encoding.UTF8);
        return new EmailContent(reader.ReadString(), reader.ReadString(), reader.ReadString());
    }
}
