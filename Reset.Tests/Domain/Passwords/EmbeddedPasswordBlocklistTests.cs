using Reset.Domain.Passwords;

namespace Reset.Tests.Domain.Passwords;

public sealed class EmbeddedPasswordBlocklistTests
{
    [Fact]
    public void The_blocklist_holds_thousands_of_passwords()
    {
        new EmbeddedPasswordBlocklist().Count.ShouldBeGreaterThanOrEqualTo(30_000);
    }

    [Theory]
    [InlineData("123456")]
    [InlineData("password")]
    [InlineData("iloveyou")]
    [InlineData("123qweasdzxc")]
    [InlineData("leavemealone")]
    public void The_blocklist_knows_the_usual_suspects(string password)
    {
        new EmbeddedPasswordBlocklist().Contains(password).ShouldBeTrue();
    }

    [Fact]
    public void The_blocklist_ignores_letter_case()
    {
        new EmbeddedPasswordBlocklist().Contains("IloveYOU").ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("# Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.")]
    [InlineData("blue cactus river lamp")]
    public void Comments_and_uncommon_passwords_are_not_on_the_blocklist(string text)
    {
        new EmbeddedPasswordBlocklist().Contains(text).ShouldBeFalse();
    }
}
