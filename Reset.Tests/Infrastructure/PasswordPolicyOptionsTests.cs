using Reset.Infrastructure.Configuration;
using Reset.Infrastructure.Passwords;

namespace Reset.Tests.Infrastructure;

/// <summary>Wrong policy settings stop the service, each named the way an operator sets it.</summary>
public sealed class PasswordPolicyOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_those_of_the_domain()
    {
        var options = new PasswordPolicyOptions();

        new PasswordPolicyOptionsValidator().Validate(null, options).Succeeded.ShouldBeTrue();
        options.ToSettings("Example Shop").ShouldBe(new Reset.Domain.Passwords.PasswordPolicySettings());
    }

    [Theory]
    [InlineData(7, 128, 3, "PasswordPolicy__MinLength (PasswordPolicy:MinLength) must be at least 8")]
    [InlineData(12, 32, 3, "PasswordPolicy__MaxLength (PasswordPolicy:MaxLength) must be between 64")]
    [InlineData(100, 80, 3, "PasswordPolicy__MaxLength (PasswordPolicy:MaxLength) must be between 100")]
    [InlineData(12, 1025, 3, "PasswordPolicy__MaxLength (PasswordPolicy:MaxLength) must be between 64 (at least 64, and not below MinLength) and 1024")]
    [InlineData(12, 128, 5, "PasswordPolicy__MinScore (PasswordPolicy:MinScore) must be between 0 and 4")]
    [InlineData(12, 128, -1, "PasswordPolicy__MinScore (PasswordPolicy:MinScore) must be between 0 and 4")]
    public void A_setting_out_of_range_is_named(int minLength, int maxLength, int minScore, string failure)
    {
        var options = new PasswordPolicyOptions { MinLength = minLength, MaxLength = maxLength, MinScore = minScore };

        var result = new PasswordPolicyOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.Failures!.ShouldContain(f => f.StartsWith(failure, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_shop_name_is_named(string name)
    {
        var result = new ShopOptionsValidator().Validate(null, new ShopOptions { Name = name });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldStartWith("Shop__Name (Shop:Name)");
    }
}
