using Reset.Domain.Accounts;
using Reset.Domain.Logins;

namespace Reset.Tests.Domain.Accounts;

public sealed class UserAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private const string Hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

    [Fact]
    public void Provisioned_account_takes_the_whole_profile()
    {
        var account = UserAccount.Provision(Guid.NewGuid(), Profile(status: AccountStatus.Locked, phone: "+380 44 123 45 67", locale: "uk"), Hash, Now);

        account.Email.ShouldBe("john@example.com");
        account.MemberId.ShouldBe("john_d");
        account.Phone.ShouldBe("+380441234567");
        account.PreferredLocale.ShouldBe("uk");
        account.Status.ShouldBe(AccountStatus.Locked);
        account.PasswordHash.ShouldBe(Hash);
        account.PasswordChangedAt.ShouldBe(Now);
        account.SecurityStamp.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void A_new_email_address_rotates_the_stamp_and_voids_open_tickets()
    {
        var account = UserAccount.Provision(Guid.NewGuid(), Profile(), Hash, Now);
        var stamp = account.SecurityStamp;

        var change = account.UpdateProfile(Profile(email: "john.new@example.com"), Now.AddHours(1));

        change.ShouldBe(new ProfileChange(Changed: true, EmailChanged: true, Deactivated: false, StampRotated: true));
        change.VoidsOpenTickets.ShouldBeTrue();
        account.Email.ShouldBe("john.new@example.com");
        account.SecurityStamp.ShouldNotBe(stamp);
        account.UpdatedAt.ShouldBe(Now.AddHours(1));
    }

    [Fact]
    public void Another_spelling_of_the_same_address_is_stored_but_ends_nothing()
    {
        var account = UserAccount.Provision(Guid.NewGuid(), Profile(), Hash, Now);
        var stamp = account.SecurityStamp;

        var change = account.UpdateProfile(Profile(email: "John@Example.com"), Now.AddHours(1));

        change.ShouldBe(new ProfileChange(Changed: true, EmailChanged: false, Deactivated: false, StampRotated: false));
        change.VoidsOpenTickets.ShouldBeFalse();
        account.Email.ShouldBe("John@example.com");
        account.SecurityStamp.ShouldBe(stamp);
    }

    [Theory]
    [InlineData(AccountStatus.Locked)]
    [InlineData(AccountStatus.Disabled)]
    public void Locking_or_disabling_rotates_the_stamp_and_voids_open_tickets(AccountStatus status)
    {
        var account = UserAccount.Provision(Guid.NewGuid(), Profile(), Hash, Now);
        var stamp = account.SecurityStamp;

        var change = account.UpdateProfile(Profile(status: status), Now.AddHours(1));

        change.ShouldBe(new ProfileChange(Changed: true, EmailChanged: false, Deactivated: true, StampRotated: true));
        change.VoidsOpenTickets.ShouldBeTrue();
        account.Status.ShouldBe(status);
        account.MayResetPassword.ShouldBeFalse();
        account.SecurityStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void Reactivating_keeps_the_stamp()
    {
        var account = UserAccount.Provision(Guid.NewGuid(), Profile(status: AccountStatus.Locked), Hash, Now);
        var stamp = account.SecurityStamp;

        var change = account.UpdateProfile(Profile(), Now.AddHours(1));

        change.ShouldBe(new ProfileChange(Changed: true, EmailChanged: false, Deactivated: false, StampRotated: false));
        account.MayResetPassword.ShouldBeTrue();
        account.SecurityStamp.ShouldBe(stamp);
    }

    [Fact]
    public void Member_id_phone_and_locale_change_without_ending_sessions()
    {
        var account = UserAccount.Provision(Guid.NewGuid(), Profile(), Hash, Now);
        var stamp = account.SecurityStamp;

        var change = account.UpdateProfile(Profile(memberId: null, phone: "+15551234567", locale: "ru"), Now.AddHours(1));

        change.ShouldBe(new ProfileChange(Changed: true, EmailChanged: false, Deactivated: false, StampRotated: false));
        account.MemberId.ShouldBeNull();
        account.Phone.ShouldBe("+15551234567");
        account.PreferredLocale.ShouldBe("ru");
        account.SecurityStamp.ShouldBe(stamp);
    }

    [Fact]
    public void The_same_profile_again_changes_nothing()
    {
        var account = UserAccount.Provision(Guid.NewGuid(), Profile(), Hash, Now);

        var change = account.UpdateProfile(Profile(), Now.AddHours(1));

        change.Changed.ShouldBeFalse();
        account.UpdatedAt.ShouldBe(Now);
    }

    [Fact]
    public void A_replaced_hash_rotates_the_stamp_and_dates_the_password_change()
    {
        var account = UserAccount.Provision(Guid.NewGuid(), Profile(status: AccountStatus.Disabled), Hash, Now);
        var stamp = account.SecurityStamp;

        account.ReplacePasswordHash(Hash.Replace("c2FsdHNhbHQ", "b3RoZXJzYWx0", StringComparison.Ordinal), Now.AddHours(1)).ShouldBeTrue();

        account.PasswordChangedAt.ShouldBe(Now.AddHours(1));
        account.SecurityStamp.ShouldNotBe(stamp);
    }

    [Fact]
    public void The_same_hash_again_is_no_password_change()
    {
        var account = UserAccount.Provision(Guid.NewGuid(), Profile(), Hash, Now);
        var stamp = account.SecurityStamp;

        account.ReplacePasswordHash(Hash, Now.AddHours(1)).ShouldBeFalse();

        account.PasswordChangedAt.ShouldBe(Now);
        account.SecurityStamp.ShouldBe(stamp);
    }

    [Fact]
    public void A_profile_in_a_language_the_service_does_not_speak_is_refused()
    {
        Should.Throw<ArgumentException>(() => Profile(locale: "de"));
    }

    private static AccountProfile Profile(
        string email = "john@example.com", string? memberId = "john_d", string? phone = null, string locale = "en",
        AccountStatus status = AccountStatus.Active) =>
        new(EmailAddress.Parse(email), memberId is null ? null : MemberId.Parse(memberId),
            phone is null ? null : PhoneNumber.Parse(phone), locale, status);
}
