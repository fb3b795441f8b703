using Reset.Domain.Logins;

namespace Reset.Tests.Domain;

public sealed class EmailMaskTests
{
    [Theory]
    [InlineData("john@example.com", "j***n@e***.com")]
    [InlineData("jo@example.com", "j***@e***.com")]
    [InlineData("j@example.com", "j***@e***.com")]
    [InlineData("maria.kovalenko@mail.example.co.uk", "m***o@m***.uk")]
    public void Mask_keeps_first_and_last_letters_and_the_top_level_domain(string address, string masked)
    {
        EmailMask.Mask(EmailAddress.Parse(address)).ShouldBe(masked);
    }

    [Fact]
    public void Mask_never_reveals_more_than_three_letters_of_the_address()
    {
        var masked = EmailMask.Mask(EmailAddress.Parse("alexander.hamilton@treasury.example.gov"));

        masked.Count(char.IsLetter).ShouldBeLessThanOrEqualTo(3 + "gov".Length);
    }
}
