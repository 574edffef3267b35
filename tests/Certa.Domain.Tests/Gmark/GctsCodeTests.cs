using Certa.Domain.Common;
using Certa.Domain.Gmark;
using CsCheck;

namespace Certa.Domain.Tests.Gmark;

public class GctsCodeTests
{
    private static readonly Gen<GctsCode> Codes =
        Gen.Select(Gen.Int[0, 9999], Gen.Int[2016, 2099], Gen.Int[1, GctsCode.MaxSequence], (nb, year, sequence) => GctsCode.Create($"{nb:D4}", year, sequence));

    [Fact]
    public void TheWorkedExampleOfTheDataFile_HasCheckDigits68()
    {
        var code = GctsCode.Create("0030", 2026, 1);

        code.Format().ShouldBe("0030-2026-000001-68");
        GctsCode.Parse("0030202600000168").ShouldBe(code);
    }

    [Fact]
    public void EveryCode_ParsesBackToItself_WithOrWithoutHyphens() =>
        Codes.Sample(code =>
        {
            GctsCode.Parse(code.Format()).ShouldBe(code);
            GctsCode.Parse(code.Format().Replace("-", string.Empty, StringComparison.Ordinal)).ShouldBe(code);
        });

    [Fact]
    public void OneMistypedDigit_IsAlwaysCaughtByTheCheckDigits() =>
        Gen.Select(Codes, Gen.Int[0, 15], Gen.Int[1, 9]).Sample((code, position, shift) =>
        {
            var digits = code.Format().Replace("-", string.Empty, StringComparison.Ordinal).ToCharArray();
            digits[position] = (char)('0' + (digits[position] - '0' + shift) % 10);

            GctsCode.IsValid(new string(digits)).ShouldBeFalse($"{code} with digit {position} changed to {digits[position]}");
        });

    [Fact]
    public void TwoNeighbouringDigitsSwapped_IsAlwaysCaught() =>
        Gen.Select(Codes, Gen.Int[0, 14]).Sample((code, position) =>
        {
            var digits = code.Format().Replace("-", string.Empty, StringComparison.Ordinal).ToCharArray();
            if (digits[position] == digits[position + 1])
            {
                return;
            }

            (digits[position], digits[position + 1]) = (digits[position + 1], digits[position]);
            GctsCode.IsValid(new string(digits)).ShouldBeFalse($"{code} with digits {position} and {position + 1} swapped");
        });

    [Theory]
    [InlineData("")]
    [InlineData("0030-2026-000001")]
    [InlineData("0030-2026-000001-6X")]
    [InlineData("0030-2026-000001-67")]
    [InlineData("0030-2015-000001-00")]
    public void AMalformedOrFailingCode_IsRefused_NamingIt(string text)
    {
        var refusal = Should.Throw<DomainException>(() => GctsCode.Parse(text));

        refusal.Code.ShouldBe("gcts-invalid");
        refusal.Message.ShouldContain($"'{text}'");
    }

    [Theory]
    [InlineData("30", 2026, 1, "nb-number-invalid")]
    [InlineData("0030", 2015, 1, "gcts-year-invalid")]
    [InlineData("0030", 2026, 1_000_000, "gcts-sequence-exhausted")]
    public void CreatingOutsideTheFormat_IsRefused(string nb, int year, int sequence, string code) =>
        Should.Throw<DomainException>(() => GctsCode.Create(nb, year, sequence)).Code.ShouldBe(code);
}
