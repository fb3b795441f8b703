using Reset.Domain.Accounts;

namespace Reset.Tests.Domain.Accounts;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+380441234567", "+380441234567")]
    [InlineData("+1 (555) 123-4567", "+15551234567")]
    [InlineData("+44 20.7946.0958", "+442079460958")]
    public void Phone_number_is_kept_in_E164_form(string typed, string stored)
    {
        PhoneNumber.TryParse(typed, out var phone).ShouldBeTrue();
        phone.Value.ShouldBe(stored);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0441234567")]
    [InlineData("+0441234567")]
    [InlineData("+12345")]
    [InlineData("+1234567890123456")]
    [InlineData("+1555123456x")]
    [InlineData("+1555\n1234567")]
    public void Anything_else_is_not_a_phone_number(string? typed)
    {
        PhoneNumber.TryParse(typed, out _).ShouldBeFalse();
    }
}
