using System.Text.Json.Nodes;
using Certa.Domain.Common;
using Certa.Domain.Supervision.Draws;
using Certa.Domain.Tests.Builders;

namespace Certa.Domain.Tests.Supervision.Draws;

public class DrawRecordTests
{
    /// <summary>The digest of data/demo/draw-example.json. If it changes, the algorithm or the encoding changed: that needs a new format (ADR 015).</summary>
    private const string ExampleDigest = "50a9f1ee6492a83873010e6faab78542375b255b313f8a2ceca7b9e0deb53d5a";

    private const string ExampleSeed = "99a8ee15284419c8fcee0029709fcef52905ac865855f47d77a2d8d3cb4f8887";

    private static readonly string ExamplePath = Path.Combine(RepositoryData.DataPath, "demo", "draw-example.json");

    [Fact]
    public void Example_IsReproduced_WithItsPinnedDigest()
    {
        var record = DrawRecordJson.Read(File.ReadAllText(ExamplePath));

        record.Verify().ShouldBeEmpty();
        record.Digest.ShouldBe(ExampleDigest);
        DrawAlgorithm.Run(record.Inputs).Digest.ShouldBe(ExampleDigest);
        record.Result.Seed.ShouldBe(ExampleSeed);
        record.Result.Targets.Count.ShouldBe(6);
    }

    [Fact]
    public void Example_WritesBackByteForByte()
    {
        var text = File.ReadAllText(ExamplePath);

        DrawRecordJson.Write(DrawRecordJson.Read(text)).ShouldBe(text);
    }

    [Fact]
    public void Seed_IsTheSha256OfTheCanonicalInputs()
    {
        var inputs = new DrawBuilder().Inputs();
        var canonical = System.Text.Encoding.UTF8.GetString(DrawSeed.CanonicalBytes(inputs));

        canonical.ShouldStartWith("{\"candidates\":[{\"bodyId\":");
        canonical.ShouldContain("\"sample\":{\"rate\":0.2}");
        DrawSeed.Of(inputs).Hex.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(DrawSeed.CanonicalBytes(inputs))));
    }

    [Fact]
    public void ARecordMadeHere_VerifiesAfterARoundTrip()
    {
        var record = DrawRecord.Draw(new DrawBuilder().Inputs());

        var read = DrawRecordJson.Read(DrawRecordJson.Write(record));

        read.Verify().ShouldBeEmpty();
        read.Digest.ShouldBe(record.Digest);
    }

    [Fact]
    public void ASwappedTarget_IsNamed()
    {
        var json = Example();
        var targets = json["result"]!["targets"]!.AsArray();
        var drawn = targets.Select(t => t!["certificateNumber"]!.GetValue<string>()).ToHashSet();
        var other = json["candidates"]!.AsArray().Select(c => c!["certificateNumber"]!.GetValue<string>()).First(n => !drawn.Contains(n));
        var swapped = targets[1]!["certificateNumber"]!.GetValue<string>();
        targets[1]!["certificateNumber"] = other;

        var differences = DrawRecordJson.Read(json.ToJsonString()).Verify();

        differences.ShouldContain(d => d.What == "target 2" && d.Recorded.StartsWith(other) && d.Recomputed.StartsWith(swapped));
        differences.ShouldContain(d => d.What == "digest of the recorded result" && d.Recorded == ExampleDigest);
    }

    [Fact]
    public void AChangedPublicRandomValue_ChangesTheSeed()
    {
        var json = Example();
        json["publicRandom"] = json["publicRandom"]!.GetValue<string>() + "0";

        var differences = DrawRecordJson.Read(json.ToJsonString()).Verify();

        differences.ShouldContain(d => d.What == "seed" && d.Recorded == ExampleSeed);
    }

    [Fact]
    public void AnAlteredDigest_IsNamed()
    {
        var json = Example();
        json["digest"] = new string('0', 64);

        DrawRecordJson.Read(json.ToJsonString()).Verify().ShouldBe(
        [
            new DrawDifference("digest", new string('0', 64), ExampleDigest),
            new DrawDifference("digest of the recorded result", new string('0', 64), ExampleDigest),
        ]);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "$ is not a JSON object")]
    [InlineData("{\"format\":\"certa-draw/9\"}", "$.format is 'certa-draw/9'")]
    public void Unreadable_IsRefused_Readably(string text, string message) =>
        Should.Throw<DomainException>(() => DrawRecordJson.Read(text)).Message.ShouldContain(message);

    [Fact]
    public void AMissingField_IsRefused_WithItsPath()
    {
        var json = Example();
        json["definition"]!["pool"]![2]!.AsObject().Remove("organisationId");

        var refusal = Should.Throw<DomainException>(() => DrawRecordJson.Read(json.ToJsonString()));

        refusal.Code.ShouldBe("draw-record-invalid");
        refusal.Message.ShouldContain("$.definition.pool[2].organisationId is missing");
    }

    [Fact]
    public void BothSizeAndRate_AreRefused()
    {
        var json = Example();
        json["definition"]!["sample"]!["size"] = 3;

        Should.Throw<DomainException>(() => DrawRecordJson.Read(json.ToJsonString())).Message.ShouldContain("either size or rate");
    }

    private static JsonObject Example() => JsonNode.Parse(File.ReadAllText(ExamplePath))!.AsObject();
}
