using System.Text.Json;
using System.Text.Json.Nodes;
using Certa.Domain.Common;
using CsCheck;

namespace Certa.Domain.Tests.Audit;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Serialize_Rfc8785Example_GivesTheRfcOutput()
    {
        // RFC 8785 §3.2.3 sample input and its canonical form.
        const string input = """{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false]}""";
        const string expected = """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""";

        CanonicalJson.Serialize(JsonDocument.Parse(input).RootElement).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(123456789012345680000.0, "123456789012345680000")]
    [InlineData(9007199254740991.0, "9007199254740991")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    public void Number_IsFormattedAsEcmaScriptDoes(double value, string expected) =>
        CanonicalJson.Number(value).ShouldBe(expected);

    /// <summary>RFC 8785 Appendix B: each IEEE 754 bit pattern and the JSON text it must give.</summary>
    [Theory]
    [InlineData("0000000000000000", "0")]
    [InlineData("8000000000000000", "0")]
    [InlineData("0000000000000001", "5e-324")]
    [InlineData("8000000000000001", "-5e-324")]
    [InlineData("7fefffffffffffff", "1.7976931348623157e+308")]
    [InlineData("ffefffffffffffff", "-1.7976931348623157e+308")]
    [InlineData("4340000000000000", "9007199254740992")]
    [InlineData("c340000000000000", "-9007199254740992")]
    [InlineData("4430000000000000", "295147905179352830000")]
    [InlineData("44b52d02c7e14af5", "9.999999999999997e+22")]
    [InlineData("44b52d02c7e14af6", "1e+23")]
    [InlineData("44b52d02c7e14af7", "1.0000000000000001e+23")]
    [InlineData("444b1ae4d6e2ef4e", "999999999999999700000")]
    [InlineData("444b1ae4d6e2ef4f", "999999999999999900000")]
    [InlineData("444b1ae4d6e2ef50", "1e+21")]
    [InlineData("3eb0c6f7a0b5ed8c", "9.999999999999997e-7")]
    [InlineData("3eb0c6f7a0b5ed8d", "0.000001")]
    [InlineData("41b3de4355555553", "333333333.3333332")]
    [InlineData("41b3de4355555554", "333333333.33333325")]
    [InlineData("41b3de4355555555", "333333333.3333333")]
    [InlineData("41b3de4355555556", "333333333.3333334")]
    [InlineData("41b3de4355555557", "333333333.33333343")]
    [InlineData("becbf647612f3696", "-0.0000033333333333333333")]
    [InlineData("43143ff3c1cb0959", "1424953923781206.2")]
    public void Number_GivesEveryRfc8785AppendixBSample(string ieee754, string expected) =>
        CanonicalJson.Number(BitConverter.Int64BitsToDouble(unchecked((long)Convert.ToUInt64(ieee754, 16)))).ShouldBe(expected);

    [Theory]
    [InlineData("7fffffffffffffff")]
    [InlineData("7ff0000000000000")]
    [InlineData("fff0000000000000")]
    public void Number_RefusesRfc8785AppendixBNonFiniteSamples(string ieee754) =>
        Should.Throw<ArgumentOutOfRangeException>(() => CanonicalJson.Number(BitConverter.Int64BitsToDouble(unchecked((long)Convert.ToUInt64(ieee754, 16)))));

    [Fact]
    public void Members_AreSortedByUtf16CodeUnits_AtEveryLevel()
    {
        var json = """{"b":1,"a":{"z":true,"\u00e9":2,"A":3},"\ud83d\ude00":0,"\ufb33":0}""";

        CanonicalJson.Serialize(JsonDocument.Parse(json).RootElement)
            .ShouldBe("{\"a\":{\"A\":3,\"z\":true,\"\u00e9\":2},\"b\":1,\"\ud83d\ude00\":0,\"\ufb33\":0}");
    }

    [Fact]
    public void SameDataWrittenDifferently_GivesTheSameBytes()
    {
        var a = JsonDocument.Parse("""{ "x" : [1, 2.0, "t"], "y": null }""").RootElement;
        var b = JsonDocument.Parse("""{"y":null,"x":[1.0,2,"t"]}""").RootElement;

        CanonicalJson.Serialize(a).ShouldBe(CanonicalJson.Serialize(b));
    }

    [Fact]
    public void NotANumber_IsRefused() => Should.Throw<ArgumentOutOfRangeException>(() => CanonicalJson.Number(double.NaN));

    [Fact]
    public void Tree_OfTheRfcExample_GivesTheRfcOutput()
    {
        const string input = """{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false]}""";

        System.Text.Encoding.UTF8.GetString(CanonicalJson.Utf8Tree(JsonNode.Parse(input)))
            .ShouldBe(CanonicalJson.Serialize(JsonDocument.Parse(input).RootElement));
    }

    [Fact]
    public void Tree_BuiltInCode_GivesTheSameBytesAsWritingItOutAndParsingIt()
    {
        var at = new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.FromHours(8));
        var tree = new JsonObject
        {
            ["z"] = "中文 \"quoted\"\n",
            ["a"] = new JsonArray(1, 2.5, -0.0001, long.MaxValue, null, true, false),
            ["when"] = at,
            ["id"] = Guid.Parse("0195d2a4-6f00-7000-8000-000000000001"),
            ["nested"] = new JsonObject { ["\ud83d\ude00"] = 1, ["\ufb33"] = JsonValue.Create(3m), ["e"] = new JsonObject() },
        };

        CanonicalJson.Utf8Tree(tree).ShouldBe(CanonicalJson.Utf8(tree));
    }

    [Fact]
    public void Tree_OfAnyJson_GivesTheSameBytesAsTheElementPath() =>
        Gen.String[Gen.Char, 0, 12].Array[0, 6].Select(Gen.Double.Array[0, 4], Gen.Bool).Sample((texts, numbers, flag) =>
        {
            var tree = new JsonObject();
            for (var i = 0; i < texts.Length; i++)
            {
                tree[texts[i]] = i % 2 == 0 ? texts[i] : new JsonArray([.. numbers.Where(double.IsFinite).Select(n => (JsonNode?)n)]);
            }

            tree["flag"] = flag;
            return CanonicalJson.Utf8Tree(tree).AsSpan().SequenceEqual(CanonicalJson.Utf8(tree));
        });
}
