using System.Security.Cryptography;
using Reset.Domain.Support;

namespace Reset.Tests.Domain;

public sealed class SupportReferenceTests
{
    [Fact]
    public void Reference_reads_SR_then_two_groups_of_four_unambiguous_characters()
    {
        var reference = SupportReference.New(RandomNumberGenerator.GetInt32).Value;

        reference.ShouldMatch("^SR-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$");
    }

    [Fact]
    public void Reference_alphabet_has_no_look_alike_characters()
    {
        SupportReference.Alphabet.ShouldNotContain('0');
        SupportReference.Alphabet.ShouldNotContain('O');
        SupportReference.Alphabet.ShouldNotContain('1');
        SupportReference.Alphabet.ShouldNotContain('I');
        SupportReference.Alphabet.ShouldNotContain('L');
    }
}
