using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Reset.Domain.Accounts;
using Reset.Domain.Logins;
using Reset.Domain.Passwords;
using Reset.Infrastructure.Persistence;

namespace Reset.Api.Cli;

/// <summary>
/// `dotnet Reset.Api.dll seed-demo --password-file FILE [--new-password]`: makes sure the demo
/// customer (demo@example.com, member ID "demo") exists and prints its password. The password is
/// random, kept in FILE (git-ignored) so later runs can print it again; after a reset through the
/// API it no longer matches, and --new-password sets a fresh one.
/// </summary>
internal static class SeedDemoCommand
{
    public const string Name = "seed-demo";
    public static readonly EmailAddress DemoEmail = EmailAddress.Parse("demo@example.com");
    public static readonly MemberId DemoMemberId = MemberId.Parse("demo");

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var passwordFile = ValueOf(args, "--password-file") ?? Path.Combine("var", "demo-password");
        var forceNew = args.Contains("--new-password");

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResetDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        var demo = await db.Users.SingleOrDefaultAsync(u => u.Email == DemoEmail.Value);
        var saved = File.Exists(passwordFile) ? (await File.ReadAllTextAsync(passwordFile)).Trim() : null;

        if (demo is not null && !forceNew)
        {
            if (saved is not null && await hasher.VerifyAsync(demo.PasswordHash, saved))
            {
                Print(saved);
            }
            else
            {
                Console.WriteLine($"seed-demo: the demo customer {DemoEmail} (member ID {DemoMemberId}) exists; " +
                    "its password was changed through a reset. `./run.sh reset-demo` gives it a new one.");
            }

            return 0;
        }

        var password = NewDemoPassword();
        var hash = await hasher.HashAsync(password);
        if (demo is null)
        {
            db.Users.Add(UserAccount.Register(Guid.CreateVersion7(), DemoEmail, DemoMemberId, hash, now));
        }
        else
        {
            demo.ChangePassword(hash, now);
        }

        await db.SaveChangesAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(passwordFile))!);
        await File.WriteAllTextAsync(passwordFile, password + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Print(password);
        return 0;
    }

    private static void Print(string password) =>
        Console.WriteLine($"seed-demo: demo customer {DemoEmail} (member ID {DemoMemberId}), password: {password}");

    /// <summary>Four groups of four from an unambiguous alphabet: 19 characters, about 95 bits.</summary>
    private static string NewDemoPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 4));
        return string.Join('-', groups);
    }

    private static string? ValueOf(string[] args, string option)
    {
        var index = Array.IndexOf(args, option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
