using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.StatusLists;

namespace Certa.Domain.Tests.StatusLists;

public class StatusListCredentialTests
{
    private const string ListUrl = "https://certa.example/status/cqc/suspension";
    private const string Did = "did:web:certa.example:bodies:cqc";
    private static readonly DateTimeOffset ValidFrom = new(2026, 11, 27, 9, 30, 15, 250, TimeSpan.FromHours(8));

    [Fact]
    public void Build_IsABitstringStatusListCredential_AsTheSpecShowsIt()
    {
        var bits = new Bitstring();
        bits.Set(42);

        var credential = StatusListCredential.Build(ListUrl, Did, StatusPurpose.Suspension, bits, ValidFrom, TimeSpan.FromMinutes(5));

        credential["@context"]!.ToJsonString().ShouldBe("""["https://www.w3.org/ns/credentials/v2"]""");
        credential["id"]!.GetValue<string>().ShouldBe(ListUrl);
        credential["type"]!.ToJsonString().ShouldBe("""["VerifiableCredential","BitstringStatusListCredential"]""");
        credential["issuer"]!.GetValue<string>().ShouldBe(Did);
        credential["validFrom"]!.GetValue<string>().ShouldBe("2026-11-27T01:30:15Z");
        var subject = credential["credentialSubject"]!.AsObject();
        subject["id"]!.GetValue<string>().ShouldBe(ListUrl + "#list");
        subject["type"]!.GetValue<string>().ShouldBe("BitstringStatusList");
        subject["statusPurpose"]!.GetValue<string>().ShouldBe("suspension");
        subject["ttl"]!.GetValue<long>().ShouldBe(300_000);
        subject["encodedList"]!.GetValue<string>().ShouldBe(bits.Encode());
    }

    [Fact]
    public void Read_OfASignedList_GivesBackWhatWasBuilt()
    {
        var key = Ed25519.Generate();
        var bits = new Bitstring();
        bits.Set(7);
        var unsigned = StatusListCredential.Build(ListUrl, Did, StatusPurpose.Message, bits, ValidFrom, TimeSpan.FromHours(1));
        var signed = DataIntegrityProof.Sign(unsigned, key.PrivateSeed, Did + "#key-1", ValidFrom);

        var read = StatusListReader.Read(signed);

        read.Purpose.ShouldBe(StatusPurpose.Message);
        read.ListUrl.ShouldBe(ListUrl);
        read.Issuer.ShouldBe(Did);
        read.ValidFrom.ShouldBe(new DateTimeOffset(2026, 11, 27, 1, 30, 15, TimeSpan.Zero));
        read.Ttl.ShouldBe(TimeSpan.FromHours(1));
        read.Bits.SetIndexes().ShouldBe([7L]);
        DataIntegrityProof.Verify(signed, _ => key.PublicKey).Verified.ShouldBeTrue();
    }

    [Theory]
    [InlineData("type", "[\"VerifiableCredential\"]", "not a BitstringStatusListCredential")]
    [InlineData("id", null, "has no id")]
    [InlineData("issuer", null, "names no issuer")]
    [InlineData("validFrom", "\"soon\"", "validFrom 'soon'")]
    [InlineData("credentialSubject", "\"x\"", "no credentialSubject object")]
    public void Read_WithABadProperty_NamesIt(string property, string? json, string expected)
    {
        var credential = StatusListCredential.Build(ListUrl, Did, StatusPurpose.Revocation, new Bitstring(), ValidFrom, TimeSpan.Zero);
        credential[property] = json is null ? null : JsonNode.Parse(json);
        if (json is null)
        {
            credential.Remove(property);
        }

        Should.Throw<FormatException>(() => StatusListReader.Read(credential)).Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("statusPurpose", "\"refresh\"", "'refresh' is not revocation, suspension or message")]
    [InlineData("encodedList", "\"zabc\"", "starting with 'u'")]
    [InlineData("type", "\"StatusList2021\"", "not 'BitstringStatusList'")]
    public void Read_WithABadSubject_NamesTheListAndTheProblem(string property, string json, string expected)
    {
        var credential = StatusListCredential.Build(ListUrl, Did, StatusPurpose.Revocation, new Bitstring(), ValidFrom, TimeSpan.Zero);
        credential["credentialSubject"]![property] = JsonNode.Parse(json);

        var message = Should.Throw<FormatException>(() => StatusListReader.Read(credential)).Message;

        message.ShouldContain(ListUrl);
        message.ShouldContain(expected);
    }
}
