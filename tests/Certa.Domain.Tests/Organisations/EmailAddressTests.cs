using Certa.Domain.Common;
using Certa.Domain.Organisations;
using CsCheck;

namespace Certa.Domain.Tests.Organisations;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("li.na@cqc.example", "li.na@cqc.example")]
    [InlineData("  Li.Na@CQC.Example \t", "li.na@cqc.example")]
    [InlineData("a+tag@mail.cqc.example", "a+tag@mail.cqc.example")]
    public void Normalize_TrimsAndLowerCases(string text, string expected) =>
        EmailAddress.Normalize(text).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("li.na")]
    [InlineData("li.na@")]
    [InlineData("@cqc.example")]
    [InlineData("li.na@cqc")]
    [InlineData("li@na@cqc.example")]
    [InlineData("li na@cqc.example")]
    [InlineData("li.na@cqc..example")]
    [InlineData("li.na@cqc.example.")]
    public void Normalize_RefusesWhatIsNotAnAddress_NamingIt(string? text)
    {
        var refused = Should.Throw<DomainException>(() => EmailAddress.Normalize(text, "invitee"));

        refused.Code.ShouldBe("invalid-email");
        refused.Field.ShouldBe("invitee");
        refused.Message.ShouldContain($"'{text}'");
    }

    [Fact]
    public void Normalize_RefusesAddressesLongerThan254Characters()
    {
        var local = new string('a', 64);
        var domain = string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".example";

        Should.Throw<DomainException>(() => EmailAddress.Normalize($"{local}@{domain}")).Code.ShouldBe("invalid-email");
    }

    private static readonly Gen<string> AddressLike =
        Gen.Select(Gen.String[Gen.Char["aZ.+_-9 \tÄİ"], 0, 12], Gen.String[Gen.Char["bY.-@ ẞ"], 0, 10], Gen.String[Gen.Char["cX. "], 0, 5],
            (local, domain, tld) => $"{local}@{domain}.{tld}");

    [Fact]
    public void Normalize_IsIdempotent() =>
        Gen.OneOf(AddressLike, Gen.String).Sample(text =>
        {
            string once;
            try
            {
                once = EmailAddress.Normalize(text);
            }
            catch (DomainException)
            {
                return;
            }

            EmailAddress.Normalize(once).ShouldBe(once);
        }, iter: 5000);

    [Fact]
    public void Normalize_RefusesOnlyWithADomainException() =>
        Gen.OneOf(AddressLike, Gen.String).Sample(text =>
        {
            try
            {
                EmailAddress.Normalize(text);
            }
            catch (DomainException e)
            {
                e.Code.ShouldBe("invalid-email");
            }
        }, iter: 5000);
}
