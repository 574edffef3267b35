using System.Text.Json.Nodes;
using Certa.Infrastructure.Credentials;
using Certa.Infrastructure.Verification.Offline;

namespace Certa.Domain.Tests.Verification;

public class VerificationBundleTests
{
    private readonly TestIssuer issuer = new();

    [Fact]
    public void SaveThenLoad_KeepsEverything_AndTheCredentialStillVerifies()
    {
        var directory = Directory.CreateTempSubdirectory("certa-bundle-").FullName;
        var bundle = issuer.Bundle() with { Sth = new JsonObject { ["treeSize"] = 7 } };

        bundle.Save(directory);
        var loaded = VerificationBundle.Load(directory)!;

        loaded.Server.ShouldBe(bundle.Server);
        loaded.FetchedAt.ShouldBe(bundle.FetchedAt);
        loaded.DidDocuments.Keys.ShouldBe([TestIssuer.Did]);
        loaded.StatusLists.Count.ShouldBe(3);
        loaded.Sth!["treeSize"]!.GetValue<int>().ShouldBe(7);
        loaded.ToJson().ShouldBe(bundle.ToJson());
        OfflineVerifier.Verify(issuer.Credential().ToJsonString(), loaded, TestIssuer.Now).Verified.ShouldBeTrue();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Load_FromAnEmptyDirectory_IsNull()
    {
        var directory = Directory.CreateTempSubdirectory("certa-bundle-").FullName;

        VerificationBundle.Load(directory).ShouldBeNull();
        Directory.Delete(directory);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{", "not JSON")]
    [InlineData("""{"format":"other/9"}""", "'other/9'")]
    [InlineData("""{"format":"certa-verification-bundle/1","server":"s","fetchedAt":"yesterday"}""", "'yesterday'")]
    [InlineData("""{"format":"certa-verification-bundle/1","server":"s","fetchedAt":"2026-01-01T00:00:00Z","didDocuments":{}}""", "'statusLists'")]
    public void Parse_BadFile_NamesWhatIsWrong(string json, string expected)
    {
        Should.Throw<FormatException>(() => VerificationBundle.Parse(json)).Message.ShouldContain(expected);
    }

    [Fact]
    public void DefaultDirectory_FollowsXdgCacheHome_ElseHomeDotCache()
    {
        VerificationBundle.DefaultDirectory(name => name switch { "XDG_CACHE_HOME" => "/var/cache/me", "HOME" => "/home/me", _ => null })
            .ShouldBe(Path.Combine("/var/cache/me", "certa"));
        VerificationBundle.DefaultDirectory(name => name == "HOME" ? "/home/me" : null)
            .ShouldBe(Path.Combine("/home/me", ".cache", "certa"));
    }

    [Fact]
    public void Import_ServerAnswer_CachesTheDidDocumentAndEveryList()
    {
        issuer.SetBit(StatusPurpose.Revocation, 3);
        issuer.SetBit(StatusPurpose.Revocation, 5);

        var import = BundleImporter.Read(issuer.ServerAnswer(), "https://fallback.example", TestIssuer.Now);

        import.Problems.ShouldBeEmpty();
        import.BodyIds.ShouldBe(["cqc"]);
        import.Lists.Select(l => (l.Purpose, l.SetBits)).ShouldBe([(StatusPurpose.Revocation, 2), (StatusPurpose.Suspension, 0), (StatusPurpose.Message, 0)]);
        import.Bundle!.Server.ShouldBe("https://certa.example");
        import.Bundle.StatusLists.Keys.ShouldBe(Enum.GetValues<StatusPurpose>().Select(TestIssuer.ListUrl), ignoreOrder: true);
        import.Bundle.Sth.ShouldNotBeNull();
    }

    [Fact]
    public void Import_ListWithABadSignature_IsRefusedWhole()
    {
        var answer = issuer.ServerAnswer();
        var lists = (JsonObject)answer["bodies"]![0]!["statusLists"]!;
        lists["suspension"] = issuer.StatusList(StatusPurpose.Suspension, signer: Ed25519.Generate());

        var import = BundleImporter.Read(answer, "https://certa.example", TestIssuer.Now);

        import.Accepted.ShouldBeFalse();
        import.Problems.ShouldHaveSingleItem().ShouldStartWith("Body cqc, suspension list refused: The signature does not match");
    }

    [Fact]
    public void Import_ListUnderTheWrongPurpose_IsRefused()
    {
        var answer = issuer.ServerAnswer();
        var lists = (JsonObject)answer["bodies"]![0]!["statusLists"]!;
        lists["revocation"] = issuer.StatusList(StatusPurpose.Suspension);

        BundleImporter.Read(answer, "https://certa.example", TestIssuer.Now).Problems.ShouldHaveSingleItem().ShouldContain("is a suspension list");
    }
}
