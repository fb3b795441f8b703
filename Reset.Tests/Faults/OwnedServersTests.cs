using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MimeKit;
using Npgsql;
using Reset.Tests.Fixtures;

namespace Reset.Tests.Faults;

/// <summary>The servers the fault tests stop and start really go away, and come back with what they held.</summary>
public sealed class OwnedServersTests
{
    [Fact]
    public async Task An_owned_postgres_refuses_connections_while_stopped_and_keeps_its_data_across_a_restart()
    {
        await using var postgres = new OwnedPostgres();
        await postgres.StartAsync();
        var unpooled = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false, Timeout = 3 }.ConnectionString;
        await ExecuteAsync(unpooled, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('before the restart')");

        await postgres.StopAsync();

        await Should.ThrowAsync<NpgsqlException>(() => ExecuteAsync(unpooled, "SELECT 1"));
        await postgres.StartAsync();
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var read = new NpgsqlCommand("SELECT value FROM kept", connection);
        (await read.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe("before the restart");
        await using var migrated = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", connection);
        ((long)(await migrated.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_stopped_smtp_catcher_refuses_connections_and_after_a_start_receives_on_the_same_port_keeping_earlier_mail()
    {
        await using var smtp = new SmtpCatcher();
        await SendAsync(smtp.Port, "first@example.com");

        await smtp.StopAsync();

        await Should.ThrowAsync<SocketException>(() => SendAsync(smtp.Port, "lost@example.com"));
        await smtp.StartAsync();
        await SendAsync(smtp.Port, "second@example.com");
        smtp.Received.SelectMany(m => m.To.Mailboxes).Select(b => b.Address).ShouldBe(["first@example.com", "second@example.com"]);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task SendAsync(int port, string to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("sender@example.com"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "hello";
        message.Body = new TextPart("plain") { Text = "hello" };
        using var client = new SmtpClient();
        await client.ConnectAsync(IPAddress.Loopback.ToString(), port, MailKit.Security.SecureSocketOptions.None, TestContext.Current.CancellationToken);
        await client.SendAsync(message, TestContext.Current.CancellationToken);
        await client.DisconnectAsync(quit: true, TestContext.Current.CancellationToken);
    }
}
