using System.Text.Json;
using Certa.Domain.Common;

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
}
