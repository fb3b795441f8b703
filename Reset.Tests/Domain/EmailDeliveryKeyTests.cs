using Reset.Domain.Logins;

namespace Reset.Tests.Domain;

public sealed class EmailDeliveryKeyTests
{
    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("Jane+1@Example.com")]
    [InlineData("jane+2@example.com")]
    [InlineData(" JANE@example.com")]
    [InlineData("jane+shop+more@EXAMPLE.COM ")]
    [InlineData("ｊａｎｅ@example.com")]
    public void Spellings_that_reach_one_mailbox_share_one_delivery_key(string typed) =>
        EmailAddress.Parse(typed).DeliveryKey.ShouldBe("jane@example.com");

    [Fact]
    public void An_internationalised_domain_counts_as_its_ascii_form() =>
        EmailAddress.Parse("jane@Bücher.example").DeliveryKey.ShouldBe(EmailAddress.Parse("jane@xn--bcher-kva.example").DeliveryKey);

    [Theory]
    [InlineData("j.ane@example.com", "j.ane@example.com")]
    [InlineData("jane-shop@example.com", "jane-shop@example.com")]
    [InlineData("+jane@example.com", "+jane@example.com")]
    public void Provider_specific_aliases_are_not_folded(string typed, string key) =>
        EmailAddress.Parse(typed).DeliveryKey.ShouldBe(key);

    [Fact]
    public void The_address_itself_keeps_what_was_typed()
    {
        var email = EmailAddress.Parse("Jane+1@Example.com");

        email.Value.ShouldBe("Jane+1@example.com");
        email.DeliveryKey.ShouldBe("jane@example.com");
    }
}
