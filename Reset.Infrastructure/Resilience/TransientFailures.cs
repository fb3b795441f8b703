using System.Net.Sockets;
using MailKit.Net.Smtp;
using Npgsql;
using Polly.Timeout;
using StackExchange.Redis;

namespace Reset.Infrastructure.Resilience;

/// <summary>
/// Which failures of each dependency are worth another try, and which of those happened before the
/// request reached the server (so even a change may be retried).
/// </summary>
internal static class TransientFailures
{
    /// <summary>A lost or slow connection. Not a server's refusal such as OOM (Redis full): another try meets it again.</summary>
    public static bool Redis(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException or TimeoutRejectedException;

    /// <summary>No connection was there to carry the command: FailFast backlog, or a connect that failed.</summary>
    public static bool RedisNeverSent(Exception exception) =>
        exception is RedisConnectionException { FailureType: ConnectionFailureType.UnableToConnect };

    public static bool Postgres(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient,
        NpgsqlException => true,
        TimeoutRejectedException or TimeoutException => true,
        _ when exception.InnerException is { } inner => Postgres(inner),
        _ => false,
    };

    /// <summary>
    /// Refused at connect, or the server is starting or shutting down and took no command
    /// (57P03 cannot_connect_now, 53300 too_many_connections).
    /// </summary>
    public static bool PostgresNeverSent(Exception exception) => exception switch
    {
        PostgresException { SqlState: "57P03" or "53300" } => true,
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => true,
        _ when exception.InnerException is { } inner => PostgresNeverSent(inner),
        _ => false,
    };

    public static bool Smtp(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or SocketException or IOException or TimeoutException or TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>The relay could not be reached: nothing was handed over yet.</summary>
    public static bool SmtpNeverSent(Exception exception) =>
        exception is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable };
}
