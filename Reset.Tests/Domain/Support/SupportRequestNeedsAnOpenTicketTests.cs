using Reset.Domain.Support;
using Reset.Domain.Tickets;

namespace Reset.Tests.Domain.Support;

public sealed class SupportRequestNeedsAnOpenTicketTests
{
    [Theory]
    [InlineData(TicketStatus.Started)]
    [InlineData(TicketStatus.CodeSent)]
    public void An_open_ticket_takes_a_support_request(TicketStatus status) =>
        SupportRequestNeedsAnOpenTicket.IsMetBy(status).ShouldBeTrue();

    [Theory]
    [InlineData(TicketStatus.Verified)]
    [InlineData(TicketStatus.Completed)]
    [InlineData(TicketStatus.Locked)]
    public void A_verified_completed_or_locked_ticket_takes_none(TicketStatus status) =>
        SupportRequestNeedsAnOpenTicket.IsMetBy(status).ShouldBeFalse();
}
