namespace Reset.Tests.Deployment;

/// <summary>
/// The settings the deployment tests accept are the ones the configuration binder fills: taken from
/// the options classes the service binds, with their key names, lists and nested sections.
/// </summary>
public sealed class ServiceSettingsTests
{
    [Theory]
    [InlineData("ConnectionStrings__Postgres")]
    [InlineData("Email__Smtp__Host")]
    [InlineData("email__smtp__host")]
    [InlineData("HumanCheck__Altcha__Cost")]
    [InlineData("HumanCheck__ReCaptcha__MinScore")]
    [InlineData("RateLimits__StartPerClient__Window")]
    [InlineData("PasswordReset__TicketLifetime")]
    [InlineData("InternalApi__Keys__0__Scopes__1")]
    [InlineData("Network__TrustedProxies__0")]
    [InlineData("Host__ShutdownTimeout")]
    public void A_setting_of_a_bound_options_class_is_read(string variable)
    {
        ServiceSettings.Reads(variable).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Email__Smtp__Hots")]
    [InlineData("HumanCheck__ProofOfWork__Cost")] // the property's name; its key is HumanCheck:Altcha
    [InlineData("HumanCheck__ProviderName")] // computed, no setter
    [InlineData("Email__Smtp")]
    [InlineData("Network__TrustedProxies")]
    [InlineData("InternalApi__Keys__0__Scopes")]
    [InlineData("Secrets__HmacKeyBytes")]
    public void Anything_else_is_not(string variable)
    {
        ServiceSettings.Reads(variable).ShouldBeFalse();
    }

    [Fact]
    public async Task The_Production_check_names_a_missing_secret()
    {
        var problems = await ServiceSettings.ProblemsInProductionAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = ServiceSettings.StandInFor("ConnectionStrings__Postgres"),
            ["ConnectionStrings__Redis"] = ServiceSettings.StandInFor("ConnectionStrings__Redis"),
            ["HumanCheck__Secret"] = ServiceSettings.StandInFor("HumanCheck__Secret"),
            ["Email__Smtp__Host"] = "smtp.shop.example",
        });

        problems.ShouldHaveSingleItem().ShouldStartWith("Secrets__HmacKey (Secrets:HmacKey) is missing");
    }
}
