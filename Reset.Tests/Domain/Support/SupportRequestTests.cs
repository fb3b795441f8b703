using System.Security.Cryptography;
using Reset.Domain.Support;

namespace Reset.Tests.Domain.Support;

public sealed class SupportRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Resolving_records_who_when_and_what()
    {
        var request = Open();

        request.Resolve("support-desk", "Verified by phone; e-mail address updated.", Now.AddHours(2));

        request.Status.ShouldBe(SupportRequestStatus.Resolved);
        request.ResolvedAt.ShouldBe(Now.AddHours(2));
        request.ResolvedBy.ShouldBe("support-desk");
        request.ResolutionNote.ShouldBe("Verified by phone; e-mail address updated.");
    }

    [Fact]
    public void A_resolved_request_cannot_be_resolved_again()
    {
        var request = Open();
        request.Resolve("support-desk", "Done.", Now.AddHours(2));

        Should.Throw<InvalidOperationException>(() => request.Resolve("crm", "Done again.", Now.AddHours(3)));

        request.ResolvedBy.ShouldBe("support-desk");
        request.ResolutionNote.ShouldBe("Done.");
    }

    private static SupportRequest Open() => SupportRequest.Open(
        Guid.NewGuid(), SupportReference.New(RandomNumberGenerator.GetInt32), null, null, "john@example.net", "Lost my mailbox.", Now);
}
